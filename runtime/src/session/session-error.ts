/** Options shared by every {@link SessionError}. */
export interface SessionErrorOptions {
  /** The error this one wraps. */
  readonly cause?: unknown;
  /**
   * Whether trying again later may succeed (the server or the network failed, not the tokens).
   * @default false
   */
  readonly retryable?: boolean | undefined;
}

/**
 * The base of the session errors: no usable session could be had, there is none, or a refresh
 * answered for another account. Messages and properties never hold a token or a password.
 */
export abstract class SessionError extends Error {
  override readonly name: string = 'SessionError';

  /** Whether trying again later may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options: SessionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}
