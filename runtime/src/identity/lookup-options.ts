/** How long a lookup may take when no `timeout` is given, in milliseconds. */
export const DEFAULT_LOOKUP_TIMEOUT = 3000;

/** Options every network lookup of identity resolution takes. */
export interface LookupOptions {
  /**
   * The fetch implementation, for HTTPS well-known handles and DID documents. It may throw: a
   * thrown error counts as a network failure.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /**
   * Milliseconds one lookup may take: both handle methods together, or one DID document request,
   * body included.
   * @default 3000
   */
  readonly timeout?: number | undefined;
  /**
   * Whether handles and `did:web` hosts under `.test` may resolve. The handle spec reserves `.test`
   * for development and asks real-world resolution to refuse it; set this for a local network.
   * @default false
   */
  readonly allowTestTld?: boolean | undefined;
  /** Aborts the lookup; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}
