import { mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

import type { GeneratedFile } from '../emit/emit-document.js';
import { listTree, readTreeFile } from './tree-files.js';
import { writeAtomically } from './write-atomically.js';

/** What writing a tree changed, as sorted paths relative to its folder. */
export interface TreeChanges {
  written: string[];
  removed: string[];
}

function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  const folders = new Set<string>();

  for (const file of files) {
    const path = join(dir, file.path);
    const folder = dirname(path);

    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeAtomically(path, file.text);
  }
}

function parentFolders(path: string): string[] {
  const folders: string[] = [];

  for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
    folders.push(folder);
  }

  return folders;
}

/** Removes the folders that removing files left empty, the deepest first. */
function removeEmptyFolders(dir: string, removed: readonly string[]): void {
  const folders = [...new Set(removed.flatMap(parentFolders))].sort((a, b) => b.length - a.length);

  for (const folder of folders) {
    try {
      rmdirSync(join(dir, folder));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;

      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Makes `dir` hold exactly `files`: writes each file whose text differs from what is there, through
 * a temp file renamed over it, and removes the files no longer generated and the folders they
 * leave empty. Files already up to date are not touched.
 */
export function writeTree(dir: string, files: readonly GeneratedFile[]): TreeChanges {
  const existing = new Set(listTree(dir));
  const wanted = new Set(files.map((file) => file.path));
  const removed = [...existing].filter((path) => !wanted.has(path)).sort();
  const changed = files.filter((file) => readTreeFile(dir, file.path, existing) !== file.text);

  // @NOTE Removing comes first: on a file system that ignores case, a module whose name changed
  // in case only is the same file as the one to remove
  for (const path of removed) rmSync(join(dir, path), { force: true });
  writeFiles(dir, changed);
  removeEmptyFolders(dir, removed);

  return { written: changed.map((file) => file.path).sort(), removed };
}
