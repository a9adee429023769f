import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh temp folder; the returned function removes it. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `lexforge-${prefix}-`));

  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
