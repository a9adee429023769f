/** Options shared by every {@link LexforgeError}. */
export interface LexforgeErrorOptions {
  /** The error this one wraps. */
  readonly cause?: unknown;
  /**
   * Whether doing the same again may succeed (a timeout, a network failure, a 5xx, a 429).
   * @default false
   */
  readonly retryable?: boolean | undefined;
}

/**
 * The base of every error lexforge throws: XRPC calls (`XrpcError`), sessions (`SessionError`),
 * identity resolution (`IdentityError`) and identifier syntax (`StringFormatError`). Catch it to
 * handle all of them at once. Messages and properties never hold a token or a password.
 */
export abstract class LexforgeError extends Error {
  override readonly name: string = 'LexforgeError';

  /** Whether doing the same again may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options: LexforgeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}
