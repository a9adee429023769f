import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import type { GeneratedFile } from '../emit/emit-document.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );

  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * The paths (relative to `dir`) where `dir` differs from `files`: files added, changed or left
 * over. Empty when the folder already holds exactly this output.
 */
export async function compareTree(dir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const existing = new Set(await listFiles(dir));
  const differing: string[] = [];

  for (const file of files) {
    const current = existing.has(file.path)
      ? await readFile(join(dir, file.path), 'utf8')
      : undefined;

    existing.delete(file.path);
    if (current !== file.text) differing.push(file.path);
  }

  return [...differing, ...existing].sort();
}
