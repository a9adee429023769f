import type { AtpSessionData } from './atp-session-data.js';

/**
 * Where an `AtpClient` keeps its session between runs: it loads it in `authenticate` when no
 * session is passed, saves every new one and clears it when the session ends. A store may be
 * shared by several clients, in one process or several.
 */
export interface SessionStore {
  /**
   * Reads the saved session. Whatever it returns is checked again by the client, which ignores a
   * malformed session.
   *
   * @returns the session, or `undefined` when none is saved
   */
  load(): Promise<AtpSessionData | undefined>;

  /** Replaces the saved session. */
  save(session: AtpSessionData): Promise<void>;

  /** Removes the saved session; does nothing when there is none. */
  clear(): Promise<void>;

  /**
   * Runs `task` while holding a lock shared by every client of this store, so that only one of
   * them refreshes at a time and the others adopt its tokens. Optional: without it, clients
   * refresh independently.
   *
   * @param task - the work to do under the lock; its result or error is passed through
   */
  lock?<T>(task: () => Promise<T>): Promise<T>;
}
