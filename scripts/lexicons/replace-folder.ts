import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces the folder `target` with one that `fill` writes beside it, swapped in by two renames.
 * A run stopped part-way leaves either the old folder or the new one, never a mix; when it stopped
 * between the renames, the next run puts the old folder back first. When `fill` throws, `target`
 * is untouched and the error passes through.
 */
export async function replaceFolder(
  target: string,
  fill: (staging: string) => Promise<void>,
): Promise<void> {
  const { staging, retired } = siblingsOf(target);

  await recover(target, staging, retired);
  await mkdir(staging, { recursive: true });

  try {
    await fill(staging);
    await swap(target, staging, retired);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// @NOTE Fixed names beside the target keep both renames on one file system and let a later run
// find what an interrupted one left.
function siblingsOf(target: string): { staging: string; retired: string } {
  const prefix = join(dirname(target), `.${basename(target)}`);

  return { staging: `${prefix}.next`, retired: `${prefix}.prev` };
}

async function recover(target: string, staging: string, retired: string): Promise<void> {
  if (!(await exists(target)) && (await exists(retired))) await rename(retired, target);

  await rm(staging, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
}

async function swap(target: string, staging: string, retired: string): Promise<void> {
  const hadTarget = await exists(target);

  if (hadTarget) await rename(target, retired);

  try {
    await rename(staging, target);
  } catch (error) {
    if (hadTarget) await rename(retired, target);

    throw error;
  }

  await rm(retired, { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;

      throw error;
    },
  );
}
