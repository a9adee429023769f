import { copySessionData } from './atp-session-data.js';
import { findPdsEndpoint } from './pds-endpoint.js';

import type { AtpSessionData } from './atp-session-data.js';
import type { SessionChangeHandler, SessionEvent } from './session-events.js';
import type { SessionStore } from './session-store.js';

/** Where a {@link SessionState} saves its changes and whom it tells. */
export interface SessionStateOptions {
  readonly store?: SessionStore | undefined;
  readonly onSessionChange?: SessionChangeHandler | undefined;
}

/**
 * The current session of one client, its PDS, and the bookkeeping of every change: each change is
 * saved to the store and told to the change handler, in that order, once.
 */
export class SessionState {
  readonly #store: SessionStore | undefined;
  readonly #onSessionChange: SessionChangeHandler | undefined;
  #session: AtpSessionData | undefined;
  #pds: URL | undefined;
  #renewedAt = Number.NEGATIVE_INFINITY;

  constructor(options: SessionStateOptions) {
    this.#store = options.store;
    this.#onSessionChange = options.onSessionChange;
  }

  /** The session in use, or `undefined`. */
  get current(): AtpSessionData | undefined {
    return this.#session;
  }

  /** The PDS named by the session's DID document, or `undefined` to use the configured service. */
  get pds(): URL | undefined {
    return this.#pds;
  }

  /** When the server last issued the tokens in use, from `performance.now()`. */
  get renewedAt(): number {
    return this.#renewedAt;
  }

  /** Uses a session as it is: no event, saved only when `save` is set. */
  async resume(session: AtpSessionData, save: boolean): Promise<void> {
    this.#install(session);

    if (save) await this.#store?.save(copySessionData(session));
  }

  /** Uses new tokens from the server: saves them, then fires `create` or `update`. */
  async commit(event: 'create' | 'update', session: AtpSessionData): Promise<void> {
    this.#install(session);
    this.#renewedAt = performance.now();
    await this.#store?.save(copySessionData(session));
    await this.emit(event, session);
  }

  /** Uses tokens another client saved in the store: fires `update`, saves nothing. */
  async adopt(session: AtpSessionData): Promise<void> {
    this.#install(session);
    this.#renewedAt = performance.now();
    await this.emit('update', session);
  }

  /** Ends the session: clears the store, then fires `expired` or `logout`. */
  async end(event: 'expired' | 'logout', session: AtpSessionData): Promise<void> {
    this.reset();
    await this.#store?.clear();
    await this.emit(event, session);
  }

  /** Drops the session in memory, silently. */
  reset(): void {
    this.#session = undefined;
    this.#pds = undefined;
    this.#renewedAt = Number.NEGATIVE_INFINITY;
  }

  /** Tells the change handler, with a copy of the session. */
  async emit(event: SessionEvent, session: AtpSessionData): Promise<void> {
    try {
      await this.#onSessionChange?.(event, copySessionData(session));
    } catch {
      // @NOTE The handler must not throw; what it throws anyway is dropped so that the session,
      // already changed, stays consistent with the store.
    }
  }

  /** Reads the store, as it is: the caller checks what it holds. */
  async load(): Promise<unknown> {
    return this.#store?.load();
  }

  /** Runs `task` under the store's lock, if it has one. */
  async locked<T>(task: () => Promise<T>): Promise<T> {
    return this.#store?.lock === undefined ? task() : this.#store.lock(task);
  }

  #install(session: AtpSessionData): void {
    this.#session = session;
    this.#pds = findPdsEndpoint(session.didDoc, session.did);
  }
}
