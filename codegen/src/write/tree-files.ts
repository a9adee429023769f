import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { relativePath } from '../relative-path.js';

/**
 * Every file below `dir` (links and other non-folders included), as paths relative to it with `/`
 * separators; empty when `dir` does not exist.
 */
export function listTree(dir: string): string[] {
  let entries;

  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }

  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relativePath(dir, join(entry.parentPath, entry.name)));
}

/** The text of a file below `dir`, or undefined when `existing` (its listing) does not hold it. */
export function readTreeFile(
  dir: string,
  path: string,
  existing: ReadonlySet<string>,
): string | undefined {
  return existing.has(path) ? readFileSync(join(dir, path), 'utf8') : undefined;
}
