import type { GeneratedFile } from '../emit/emit-document.js';
import { listTree, readTreeFile } from './tree-files.js';

/**
 * The paths (relative to `dir`) where `dir` differs from `files`: files added, changed or left
 * over. Empty when the folder already holds exactly this output.
 */
export function compareTree(dir: string, files: readonly GeneratedFile[]): string[] {
  const existing = new Set(listTree(dir));
  const differing: string[] = [];

  for (const file of files) {
    if (readTreeFile(dir, file.path, existing) !== file.text) differing.push(file.path);
    existing.delete(file.path);
  }

  return [...differing, ...existing].sort();
}
