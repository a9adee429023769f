/// <reference types="node" />
import { readFile, rm } from 'node:fs/promises';

import { parseSessionData } from './atp-session-data.js';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock } from './file-lock.js';

import type { AtpSessionData } from './atp-session-data.js';
import type { FileLockOptions } from './file-lock.js';
import type { SessionStore } from './session-store.js';

/** How a {@link FileStore} locks its file. */
export type FileStoreOptions = FileLockOptions;

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

function parseText(text: string): AtpSessionData | undefined {
  try {
    return parseSessionData(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Keeps the session in a JSON file readable by its owner only (mode 0600). Every save replaces the
 * file atomically, so a reader never sees a torn file, even if the writer dies mid-write. Several
 * processes may share one file: its lock (`<path>.lock`) lets one refresh at a time, and the
 * others adopt the tokens it saved. Node.js only.
 *
 * @example
 * const store = new FileStore(join(homedir(), '.config/my-bot/session.json'));
 * const client = new AtpClient({ service: 'https://bsky.social', store });
 * await client.authenticate(handle, appPassword);
 */
export class FileStore implements SessionStore {
  readonly #path: string;
  readonly #options: FileStoreOptions;

  /**
   * @param path - the session file; its folder must exist
   */
  constructor(path: string, options: FileStoreOptions = {}) {
    this.#path = path;
    this.#options = options;
  }

  /** The session file. */
  get path(): string {
    return this.#path;
  }

  /**
   * @returns the saved session, or `undefined` when the file is missing or does not hold one
   * @throws {Error} the file system's error when the file exists but cannot be read
   */
  async load(): Promise<AtpSessionData | undefined> {
    const text = await readFile(this.#path, 'utf8').catch((error: unknown) => {
      if (isMissing(error)) return undefined;

      throw error;
    });

    return text === undefined ? undefined : parseText(text);
  }

  /** @throws {Error} the file system's error; the previous file is then left as it was */
  async save(session: AtpSessionData): Promise<void> {
    await writeFileAtomic(this.#path, `${JSON.stringify(session, null, 2)}\n`);
  }

  /** @throws {Error} the file system's error, except when the file is already gone */
  async clear(): Promise<void> {
    await rm(this.#path, { force: true });
  }

  /** @throws {SessionStoreError} when another client holds the lock for longer than allowed */
  async lock<T>(task: () => Promise<T>): Promise<T> {
    return withFileLock(`${this.#path}.lock`, task, this.#options);
  }
}
