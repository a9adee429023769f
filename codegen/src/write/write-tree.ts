import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { GeneratedFile } from '../emit/emit-document.js';

/**
 * Replaces `dir` with a folder holding exactly `files`. Everything is written into a sibling temp
 * folder first and swapped in with renames, so a failed run leaves the previous output whole.
 */
export async function writeTree(dir: string, files: readonly GeneratedFile[]): Promise<void> {
  const staging = `${dir}.staging-${process.pid}`;
  const retired = `${dir}.retired-${process.pid}`;

  await rm(staging, { recursive: true, force: true });

  try {
    const folders = new Set(files.map((file) => dirname(join(staging, file.path))));

    await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
    await Promise.all(files.map((file) => writeFile(join(staging, file.path), file.text)));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  await rename(dir, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, dir);
  await rm(retired, { recursive: true, force: true });
}
