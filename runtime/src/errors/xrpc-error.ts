/** Options shared by every {@link XrpcError}. */
export interface XrpcErrorOptions {
  /** The error this one wraps. */
  readonly cause?: unknown;
  /**
   * Whether sending the same request again may succeed.
   * @default false
   */
  readonly retryable?: boolean | undefined;
}

/**
 * The base of every error the XRPC layer throws: a server error response, an unreadable response,
 * a transport failure or a validation failure. Catch it to handle all of them at once.
 */
export abstract class XrpcError extends Error {
  override readonly name: string = 'XrpcError';

  /** The NSID of the method whose call failed. */
  readonly nsid: string;

  /** Whether sending the same request again may succeed (a 5xx, a 429, a network failure). */
  readonly retryable: boolean;

  constructor(nsid: string, message: string, options: XrpcErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.nsid = nsid;
    this.retryable = options.retryable ?? false;
  }
}
