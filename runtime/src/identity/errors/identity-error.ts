/** Options shared by every {@link IdentityError}. */
export interface IdentityErrorOptions {
  /** The error this one wraps. */
  readonly cause?: unknown;
  /**
   * Whether the same lookup may succeed if tried again soon (a timeout, a network failure, a 5xx).
   * @default false
   */
  readonly retryable?: boolean | undefined;
}

/**
 * The base of every error identity resolution throws: a handle or DID that cannot be resolved, a
 * DID document that cannot be used, or a handle its DID does not claim. Catch it to handle all of
 * them at once. Syntax errors in the identifier itself are `StringFormatError`s instead.
 */
export abstract class IdentityError extends Error {
  override readonly name: string = 'IdentityError';

  /** Whether the same lookup may succeed if tried again soon. */
  readonly retryable: boolean;

  constructor(message: string, options: IdentityErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}
