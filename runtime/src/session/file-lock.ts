/// <reference types="node" />
import { randomUUID } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import { SessionStoreError } from './session-store-error.js';

/** How a lock file is waited for and when an abandoned one is broken. */
export interface FileLockOptions {
  /**
   * Milliseconds to wait for a lock another holder keeps before giving up; longer than one refresh
   * at the client's default timeout.
   * @default 40000
   */
  readonly lockTimeout?: number | undefined;
  /**
   * Milliseconds after which a lock is taken to be abandoned even if its holder cannot be checked
   * (it runs on another host). A holder on this host that no longer runs is detected at once.
   * @default 60000
   */
  readonly staleLockAge?: number | undefined;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly id: string;
}

const DEFAULT_TIMEOUT = 40_000;
const DEFAULT_STALE_AGE = 60_000;
const POLL_MIN = 5;
const POLL_MAX = 50;

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);

    await handle.writeFile(JSON.stringify(owner)).finally(() => handle.close());

    return true;
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;

    throw error;
  }
}

async function readOwner(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: unknown) => {
    if (isErrorCode(error, 'ENOENT')) return undefined;

    throw error;
  });
}

function isDeadHolder(text: string): boolean {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;

    if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;

    process.kill(owner.pid, 0);

    return false;
  } catch (error) {
    return isErrorCode(error, 'ESRCH');
  }
}

async function isStale(path: string, text: string, staleAge: number): Promise<boolean> {
  if (text !== '' && isDeadHolder(text)) return true;

  const info = await stat(path).catch(() => undefined);

  return info !== undefined && Date.now() - info.mtimeMs > staleAge;
}

/** Removes an abandoned lock, unless another holder replaced it since it was read. */
async function breakStale(path: string, staleAge: number): Promise<void> {
  const text = await readOwner(path);

  if (text === undefined || !(await isStale(path, text, staleAge))) return;

  // @NOTE A holder could replace the lock between this read and the removal; the window is a few
  // microseconds, and a stale lock means a holder already died, so it is accepted.
  if ((await readOwner(path)) === text) await rm(path, { force: true });
}

async function acquire(path: string, options: FileLockOptions): Promise<LockOwner> {
  const owner = { pid: process.pid, host: hostname(), id: randomUUID() };
  const deadline = Date.now() + (options.lockTimeout ?? DEFAULT_TIMEOUT);

  while (!(await tryCreate(path, owner))) {
    await breakStale(path, options.staleLockAge ?? DEFAULT_STALE_AGE);

    if (Date.now() > deadline) {
      throw new SessionStoreError(`Session store locked: ${path} (held by another client)`, path);
    }

    await sleep(POLL_MIN + Math.random() * (POLL_MAX - POLL_MIN));
  }

  return owner;
}

async function release(path: string, owner: LockOwner): Promise<void> {
  if ((await readOwner(path)) === JSON.stringify(owner)) await rm(path, { force: true });
}

/**
 * Runs `task` while holding a lock file created with `wx` (exclusive create), shared by every
 * process on the machine. A lock left by a process on this host that no longer runs is broken at
 * once, any other after `staleLockAge`.
 *
 * @throws {SessionStoreError} when the lock is still held after `lockTimeout`
 * @example
 * await withFileLock('/home/me/.session.json.lock', () => refreshAndSave());
 */
export async function withFileLock<T>(
  path: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const owner = await acquire(path, options);

  try {
    return await task();
  } finally {
    await release(path, owner);
  }
}
