import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import type { LexiconDiff } from '@lexforge/codegen';

import { silentLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import { diffWithFolder, logLexiconChanges } from './lexicon-changes.js';
import type { LexiconFile } from './lexicon-file.js';
import { LexiconSyncError } from './lexicon-sync-error.js';
import {
  diffManifests,
  MANIFEST_FILE,
  pickManifestDate,
  readManifest,
  serializeManifest,
} from './manifest.js';
import type { LexiconManifest, ManifestDiff } from './manifest.js';
import { openLexiconSource } from './open-lexicon-source.js';
import type { LexiconSource } from './open-lexicon-source.js';
import { readLexiconFolder } from './read-lexicon-folder.js';
import { replaceFolder } from './replace-folder.js';

/** Options of {@link syncLexicons}. */
export interface SyncLexiconsOptions {
  /** A folder of lexicon JSON, a `.tar.gz` with `<top>/lexicons/`, or an https URL of one. */
  from: string;
  /** The folder to replace. */
  to: string;
  /** Where a relative `from` and `to` start. @default process.cwd() */
  cwd?: string;
  /** @default a silent logger */
  logger?: Logger;
  /** The clock for the manifest date. @default new Date() */
  now?: Date;
}

/** What a sync wrote and how it differs from the previous manifest. */
export interface SyncLexiconsResult extends ManifestDiff {
  manifest: LexiconManifest;
  /**
   * How the documents differ from those the folder held, by the lexicon evolution rules;
   * `undefined` when there was no folder, or none readable as lexicons.
   */
  lexiconDiff: LexiconDiff | undefined;
  durationMs: number;
}

/**
 * Replaces the `to` folder with the documents of `from`, byte for byte, plus a `manifest.json`.
 * Every document is checked first; if any is invalid, nothing is written. When `to` held lexicons
 * already, logs how the new ones differ, breaking changes first.
 *
 * @throws LexiconSyncError naming an unusable source, or with one line per invalid document in
 *   `problems`
 * @example
 * await syncLexicons({ from: '../shared/lexicons/atproto-2026-08-20', to: 'lexicons' });
 */
export async function syncLexicons(options: SyncLexiconsOptions): Promise<SyncLexiconsResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? silentLogger;
  const source = await openLexiconSource(options.from, cwd, logger);

  try {
    const result = await syncFrom(source, resolve(cwd, options.to), logger, options.now);
    const done = { ...result, durationMs: performance.now() - started };

    logger.info(summarize(done));

    return done;
  } finally {
    await source.close();
  }
}

async function syncFrom(
  source: LexiconSource,
  to: string,
  logger: Logger,
  now = new Date(),
): Promise<Omit<SyncLexiconsResult, 'durationMs'>> {
  const files = await readValidFiles(source);
  const previous = await readPreviousManifest(to, logger);
  const documents = files.map(({ nsid, path, sha256 }) => ({ nsid, path, sha256 }));
  const diff = diffManifests(previous?.documents ?? [], documents);
  const date = pickManifestDate(source.names, previous, diff, now);
  const manifest = { source: source.label, date, documents };
  const lexiconDiff = await diffWithFolder(to, files, logger);

  await replaceFolder(to, (staging) => writeLexicons(staging, files, manifest));
  logLexiconChanges(lexiconDiff, logger);

  return { manifest, lexiconDiff, ...diff };
}

async function readValidFiles(source: LexiconSource): Promise<LexiconFile[]> {
  const { files, problems } = await readLexiconFolder(source.root);

  if (problems.length > 0) {
    const total = files.length + problems.length;
    const message = `Lexicon documents invalid: ${problems.length} of ${total} in ${source.label}`;

    throw new LexiconSyncError(message, problems);
  }

  if (files.length === 0) throw new LexiconSyncError(`Lexicon source empty: ${source.label}`);

  return files;
}

async function readPreviousManifest(
  folder: string,
  logger: Logger,
): Promise<LexiconManifest | undefined> {
  try {
    return await readManifest(folder);
  } catch (error) {
    logger.warn(`Previous manifest unreadable, replacing it: ${(error as Error).message}`);

    return undefined;
  }
}

async function writeLexicons(
  folder: string,
  files: readonly LexiconFile[],
  manifest: LexiconManifest,
): Promise<void> {
  for (const file of files) {
    const target = join(folder, file.path);

    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }

  await writeFile(join(folder, MANIFEST_FILE), serializeManifest(manifest));
}

function summarize(result: SyncLexiconsResult): string {
  const { manifest, added, removed, changed, durationMs } = result;
  const counts = `${added.length} added, ${removed.length} removed, ${changed.length} changed`;
  const seconds = (durationMs / 1000).toFixed(2);

  return `Synced ${manifest.documents.length} lexicon documents from ${manifest.source} (${counts}) in ${seconds} s`;
}
