import type { XrpcClientOptions } from '../xrpc/xrpc-client-options.js';
import type { SessionChangeHandler } from './session-events.js';
import type { SessionStore } from './session-store.js';

/** How an {@link AtpClient} reaches its service and keeps its session. */
export interface AtpClientOptions extends XrpcClientOptions {
  /**
   * Milliseconds before its `exp` at which an access token counts as expired, to allow for clock
   * skew and time in flight; capped at half a token's lifetime.
   * @default 60000
   */
  readonly expiryMargin?: number | undefined;
  /**
   * Told of every change of the session; see {@link SessionChangeHandler}. Must not throw: what it
   * throws is ignored.
   */
  readonly onSessionChange?: SessionChangeHandler | undefined;
  /**
   * Where the session is loaded from in `authenticate` (when none is passed), and saved to on
   * every change. What its `save` or `clear` throws fails the operation that changed the session;
   * the session in memory has changed all the same.
   */
  readonly store?: SessionStore | undefined;
}
