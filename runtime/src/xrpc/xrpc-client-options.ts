import type { Hooks } from 'ky';

import type { RetryPolicy } from './retry-policy.js';
import type { ValidationMode } from './validation.js';

/** How an {@link XrpcClient} reaches its service and treats requests and responses. */
export interface XrpcClientOptions {
  /** The service to call, e.g. a PDS URL or `https://public.api.bsky.app`. */
  readonly service: string | URL;
  /**
   * The fetch implementation.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Headers sent with every call; a call's own headers override them. */
  readonly headers?: HeadersInit | undefined;
  /**
   * The service the server should proxy calls to, as `atproto-proxy`: a DID and a service id
   * joined by `#`, e.g. `did:web:api.bsky.app#bsky_appview`.
   */
  readonly proxy?: string | undefined;
  /** Labeler DIDs for `atproto-accept-labelers`, each optionally followed by `;redact`. */
  readonly labelers?: readonly string[] | undefined;
  /**
   * How strictly outputs are checked; params and input are always checked in full.
   * @default 'lenient'
   */
  readonly validate?: ValidationMode | undefined;
  /**
   * Milliseconds each attempt may take to answer, and again to deliver its body; `false` for none.
   * @default 30000
   */
  readonly timeout?: number | false | undefined;
  /**
   * How queries are retried; procedures are never retried automatically.
   * @default { limit: 2, maxDelay: 3000 }
   */
  readonly retry?: RetryPolicy | undefined;
  /**
   * ky hooks, to observe requests, responses, retries and errors. Hooks must not throw: an error
   * thrown by a hook ends the call with that error, as is.
   */
  readonly hooks?: Hooks | undefined;
}
