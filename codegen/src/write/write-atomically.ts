import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file through a temp file beside it, renamed over it: readers see the old text or the
 * new one, never a part.
 */
export function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;

  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
