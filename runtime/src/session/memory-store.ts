import { copySessionData } from './atp-session-data.js';

import type { AtpSessionData } from './atp-session-data.js';
import type { SessionStore } from './session-store.js';

/**
 * Keeps the session in memory, as a copy: for tests, or to share one session between clients of
 * one process (its lock lets them refresh one at a time).
 *
 * @example
 * const store = new MemoryStore();
 * const client = new AtpClient({ service: 'https://bsky.social', store });
 */
export class MemoryStore implements SessionStore {
  #session: AtpSessionData | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  /** @param session - a session to start with */
  constructor(session?: AtpSessionData) {
    this.#session = session === undefined ? undefined : copySessionData(session);
  }

  async load(): Promise<AtpSessionData | undefined> {
    return this.#session === undefined ? undefined : copySessionData(this.#session);
  }

  async save(session: AtpSessionData): Promise<void> {
    this.#session = copySessionData(session);
  }

  async clear(): Promise<void> {
    this.#session = undefined;
  }

  /** Runs `task` after every task locked before it has settled. */
  async lock<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);

    this.#queue = run.catch(() => undefined);

    return run;
  }
}
