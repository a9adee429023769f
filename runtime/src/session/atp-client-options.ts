import type { IdentityResolver } from '../identity/identity-resolver.js';
import type { XrpcClientOptions } from '../xrpc/xrpc-client-options.js';
import type { SessionChangeHandler } from './session-events.js';
import type { SessionStore } from './session-store.js';

/** Where reads go when no service is configured and no session says otherwise. */
export const DEFAULT_PUBLIC_APPVIEW = 'https://public.api.bsky.app';

/** How an {@link AtpClient} reaches its service and keeps its session. */
export interface AtpClientOptions extends Omit<XrpcClientOptions, 'service'> {
  /**
   * The PDS (or entryway) to log in at. Without it, `authenticate` resolves the account's handle
   * or DID to its PDS, and calls before that go to `publicAppView`.
   */
  readonly service?: string | URL | undefined;
  /**
   * Where unauthenticated calls go when no service is configured.
   * @default 'https://public.api.bsky.app'
   */
  readonly publicAppView?: string | URL | undefined;
  /**
   * The PLC directory the resolver `withIdentityResolver` adds asks for `did:plc` documents.
   * @default 'https://plc.directory'
   */
  readonly plcUrl?: string | undefined;
  /**
   * Resolves handles and DIDs to their PDS when no service is configured; without either,
   * `authenticate` refuses to run. `withIdentityResolver` adds one on `plcUrl`, as the
   * generated `Client` does.
   * @default undefined
   */
  readonly identityResolver?: IdentityResolver | undefined;
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
