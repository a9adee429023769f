import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';

import type { Logger } from '../logger.js';
import { unpackLexiconArchive } from './lexicon-archive.js';
import { LexiconSyncError } from './lexicon-sync-error.js';

/** A folder of lexicon documents ready to be read, however the source was given. */
export interface LexiconSource {
  root: string;
  /** How the manifest names the source: the path as given, or the URL without its query. */
  label: string;
  /** Names that may end in the snapshot date, most telling first. */
  names: string[];
  /** Removes the temporary copy of an archive; may not throw. */
  close(): Promise<void>;
}

const ARCHIVE_NAME = /\.(?:tar\.gz|tgz)$/;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const DOWNLOAD_TIMEOUT_MS = 300_000;

/**
 * Opens a folder of lexicon JSON as it is, or unpacks a `.tar.gz` of a repository that keeps its
 * lexicons under `<top>/lexicons/`, from a path or an https URL. A relative path starts at `cwd`.
 *
 * @throws LexiconSyncError when the source is missing, unreachable or holds no lexicon folder
 */
export async function openLexiconSource(
  from: string,
  cwd: string,
  logger: Logger,
): Promise<LexiconSource> {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(from)) return openUrl(from, logger);

  const path = resolve(cwd, from);
  const found = await stat(path).catch(() => undefined);

  if (found === undefined) throw new LexiconSyncError(`Lexicon source not found: ${from}`);

  if (found.isDirectory()) {
    return { root: path, label: from, names: [basename(path)], close: keepFolder };
  }

  if (!ARCHIVE_NAME.test(path)) {
    throw new LexiconSyncError(`Lexicon source neither a folder nor a .tar.gz: ${from}`);
  }

  logger.info(`Unpacking ${from}`);

  return openArchive(from, basename(path), async () => path);
}

async function keepFolder(): Promise<void> {}

async function openUrl(from: string, logger: Logger): Promise<LexiconSource> {
  const url = parseSourceUrl(from);

  // @NOTE The query is left out of the label: signed download links carry their key there.
  const label = `${url.origin}${url.pathname}`;

  logger.info(`Downloading ${label}`);

  return openArchive(label, basename(url.pathname), (into) => download(url, into, label));
}

function parseSourceUrl(from: string): URL {
  const url = URL.parse(from);

  if (url === null) throw new LexiconSyncError(`Lexicon source URL invalid: ${from}`);

  if (url.username !== '' || url.password !== '') {
    throw new LexiconSyncError(`Lexicon source URL carries credentials: ${url.host}`);
  }

  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);

  if (url.protocol !== 'https:' && !loopback) {
    throw new LexiconSyncError(`Lexicon source URL not https: ${url.origin}`);
  }

  return url;
}

async function openArchive(
  label: string,
  name: string,
  fetchArchive: (into: string) => Promise<string>,
): Promise<LexiconSource> {
  const temp = await mkdtemp(join(tmpdir(), 'lexforge-lexicons-'));
  const remove = () => rm(temp, { recursive: true, force: true });

  try {
    const archive = await fetchArchive(temp);
    const tree = join(temp, 'tree');

    await mkdir(tree);

    const { root, top } = await unpackLexiconArchive(archive, tree, label);

    return { root, label, names: [name.replace(ARCHIVE_NAME, ''), top], close: remove };
  } catch (error) {
    await remove();

    throw error;
  }
}

async function download(url: URL, into: string, label: string): Promise<string> {
  const file = join(into, 'archive.tar.gz');
  const body = await requestArchive(url, label);

  try {
    await pipeline(Readable.fromWeb(body), createWriteStream(file));
  } catch (error) {
    throw new LexiconSyncError(`Lexicon download failed: ${label}`, [], { cause: error });
  }

  return file;
}

async function requestArchive(url: URL, label: string): Promise<ReadableStream> {
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  const response = await fetch(url, { signal }).catch((error: unknown) => {
    throw new LexiconSyncError(`Lexicon download failed: ${label}`, [], { cause: error });
  });

  if (!response.ok || response.body === null) {
    await response.body?.cancel();

    throw new LexiconSyncError(`Lexicon download failed: HTTP ${response.status} from ${label}`);
  }

  // @NOTE The DOM and Node typings declare two ReadableStream types for the same object.
  return response.body as ReadableStream;
}
