import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import { lexiconDoc } from '@atproto/lexicon';

import type { LexiconDocuments } from './diff-lexicons.js';
import { LexiconDiffError } from './lexicon-diff-error.js';

/** The file a lexicon sync leaves at the root of the folder; it describes it, it is no lexicon. */
const MANIFEST_FILE = 'manifest.json';

/**
 * Reads every `*.json` lexicon document below a folder, at any depth, as parsed JSON keyed by its
 * NSID. Each is checked to be a lexicon document; the JSON is kept as written, unknown fields
 * included, so that a diff sees every change.
 *
 * @throws LexiconDiffError when the folder does not exist, or a file is not JSON, not a lexicon
 *   document, or holds an NSID another file holds too
 */
export async function readLexiconDocuments(dir: string): Promise<LexiconDocuments> {
  const documents: Record<string, unknown> = {};
  const files = new Map<string, string>();

  for (const file of await listJsonFiles(dir)) {
    const { nsid, json } = parseDocument(file, await readFile(file, 'utf8'));
    const first = files.get(nsid);

    if (first !== undefined) {
      throw new LexiconDiffError(`Lexicon document duplicated: ${nsid} in ${first} and ${file}`);
    }

    files.set(nsid, file);
    documents[nsid] = json;
  }

  return documents;
}

async function listJsonFiles(dir: string): Promise<string[]> {
  const found = await stat(dir).catch(() => undefined);

  if (found === undefined || !found.isDirectory()) {
    throw new LexiconDiffError(`Lexicon folder not found: ${dir}`);
  }

  const entries = await readdir(dir, { recursive: true, withFileTypes: true });

  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => relative(dir, path).split(sep).join('/') !== MANIFEST_FILE)
    .sort();
}

function parseDocument(file: string, text: string): { nsid: string; json: unknown } {
  let json: unknown;

  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LexiconDiffError(
      `Lexicon document not valid JSON: ${file} (${(error as Error).message})`,
    );
  }

  const parsed = lexiconDoc.safeParse(json);

  if (parsed.success) return { nsid: parsed.data.id, json };

  const [issue] = parsed.error.issues;
  const where = ['$', ...(issue?.path ?? [])].join('.');

  throw new LexiconDiffError(
    `Lexicon document invalid: ${file} (${where}: ${issue?.message ?? 'not a lexicon'})`,
  );
}
