import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the generator's fixture lexicon sets. */
export const FIXTURES = fileURLToPath(new URL('./__fixtures__', import.meta.url));

/** The folder of the golden outputs, one per fixture set. */
export const GOLDEN = fileURLToPath(new URL('./__golden__', import.meta.url));

/** Every file below `dir`, as sorted paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Reads every file below `dir` into a map from relative path to text. */
export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** Writes lexicon documents (`nsid -> doc`) as JSON files at their NSID paths. */
export function writeLexicons(dir: string, docs: Record<string, unknown>): void {
  for (const [nsid, doc] of Object.entries(docs)) {
    const path = join(dir, ...nsid.split('.')) + '.json';

    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(doc, null, 2));
  }
}

/** A minimal lexicon document with the given defs. */
export function lexicon(id: string, defs: Record<string, unknown>): Record<string, unknown> {
  return { lexicon: 1, id, defs };
}
