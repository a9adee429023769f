import type { AtpSessionData } from './atp-session-data.js';

/**
 * What happened to the session:
 * - `create`: a new session from the credentials (`createSession`);
 * - `update`: new tokens, from a refresh or adopted from the store after another process refreshed;
 * - `expired`: the server refused the refresh token for good; the session is gone;
 * - `network-error`: a refresh failed on the network or with a 5xx; the session is kept;
 * - `logout`: `logout()` ended the session.
 */
export type SessionEvent = 'create' | 'update' | 'expired' | 'network-error' | 'logout';

/**
 * Told of every change of the session, once per change, and awaited before the change completes.
 * For `create` and `update` it receives the new session (tokens included, to save it); for the
 * others the session concerned. It receives a copy: changing it changes nothing.
 *
 * Must not throw: an error it throws or a promise it rejects is ignored, so that a failing
 * callback never leaves the session half changed.
 */
export type SessionChangeHandler = (
  event: SessionEvent,
  session: AtpSessionData,
) => void | Promise<void>;
