import { spawnSync } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, test } from '@jest/globals';

import { withFileLock } from '../../../runtime/src/session/file-lock.js';
import { SessionStoreError } from '../../../runtime/src/session/session-store-error.js';
import { makeTempDir } from '../../_util/temp-dir.js';

const temp = makeTempDir('file-lock');

afterAll(() => temp.remove());

function exitedPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);

  if (pid === undefined) throw new Error('Child process not started');

  return pid;
}

describe(withFileLock, () => {
  test('runs tasks one at a time and removes the lock after each', async () => {
    const path = join(temp.dir, 'serial.lock');
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      log.push(`${name} end`);

      return name;
    };

    const results = await Promise.all([
      withFileLock(path, task('a')),
      withFileLock(path, task('b')),
    ]);

    expect(results).toEqual(['a', 'b']);
    expect(log.map((entry) => entry.split(' ')[1])).toEqual(['start', 'end', 'start', 'end']);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('creates the lock file with mode 0600 and passes a task error through', async () => {
    const path = join(temp.dir, 'error.lock');
    const failing = withFileLock(path, async () => {
      expect((await stat(path)).mode & 0o777).toBe(0o600);

      throw new Error('Task failed: on purpose');
    });

    await expect(failing).rejects.toThrow('Task failed: on purpose');
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('breaks at once a lock left by a process of this host that no longer runs', async () => {
    const path = join(temp.dir, 'dead.lock');

    await writeFile(path, JSON.stringify({ pid: exitedPid(), host: hostname(), id: 'gone' }));

    await expect(withFileLock(path, async () => 'ran', { lockTimeout: 500 })).resolves.toBe('ran');
  });

  test('breaks a lock older than staleLockAge whose holder cannot be checked', async () => {
    const path = join(temp.dir, 'old.lock');
    const old = new Date(Date.now() - 120_000);

    await writeFile(path, JSON.stringify({ pid: 1, host: 'another-host', id: 'far' }));
    await utimes(path, old, old);

    await expect(withFileLock(path, async () => 'ran', { lockTimeout: 500 })).resolves.toBe('ran');
  });

  test('waits for a live holder and gives up after lockTimeout', async () => {
    const path = join(temp.dir, 'held.lock');
    const holder = JSON.stringify({ pid: process.pid, host: hostname(), id: 'alive' });

    await writeFile(path, holder);

    const error = await withFileLock(path, async () => 'ran', { lockTimeout: 100 }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(SessionStoreError);
    expect(error).toMatchObject({ path, retryable: true });
    expect((error as Error).message).toBe(`Session store locked: ${path} (held by another client)`);
    expect(await readFile(path, 'utf8')).toBe(holder);
  });
});
