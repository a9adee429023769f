/// <reference types="node" />
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function writeSynced(path: string, text: string, mode: number): Promise<void> {
  const handle = await open(path, 'wx', mode);

  try {
    await handle.chmod(mode);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a file's content all at once: writes a temp file beside it, flushes it to disk, then
 * renames it over the file. Readers see the old content or the new, never a part of it, even if
 * the process dies half way.
 *
 * @param mode - the permission bits of the new file
 * @default mode 0o600
 * @throws {Error} the file system's error; the temp file is removed first
 */
export async function writeFileAtomic(path: string, text: string, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);

  try {
    await writeSynced(temp, text, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });

    throw error;
  }
}
