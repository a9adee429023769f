import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const OWN_FILE = fileURLToPath(import.meta.url);

/** The generator's source folder: `src/` as written, `dist/` as published. */
const SOURCE_DIR = dirname(dirname(OWN_FILE));

let fingerprint: string | undefined;

/**
 * The files of the generator: its source folder, or this file alone when a bundler moved it out
 * of its `cache/` folder (its parent's parent is then no source folder of the generator).
 */
function sourceFiles(): string[] {
  if (basename(dirname(OWN_FILE)) !== 'cache') return [OWN_FILE];

  return readdirSync(SOURCE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * A hash of the generator's own code: every file of its source folder, and its package manifest,
 * which pins the packages that shape the output (`@atproto/lexicon`, `code-block-writer`). Any
 * edit or upgrade of the generator changes it.
 */
export function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;

  const hash = createHash('sha256');

  for (const file of [...sourceFiles(), join(SOURCE_DIR, '..', 'package.json')]) {
    hash.update(`${relative(SOURCE_DIR, file)}\0${readIfThere(file)}\0`);
  }

  fingerprint = hash.digest('base64url');

  return fingerprint;
}
