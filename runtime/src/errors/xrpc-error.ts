import { LexforgeError, type LexforgeErrorOptions } from './lexforge-error.js';

/** Options shared by every {@link XrpcError}. */
export type XrpcErrorOptions = LexforgeErrorOptions;

/**
 * The base of every error the XRPC layer throws: a server error response, an unreadable response,
 * a transport failure or a validation failure. Catch it to handle all of them at once.
 */
export abstract class XrpcError extends LexforgeError {
  override readonly name: string = 'XrpcError';

  /** The NSID of the method whose call failed. */
  readonly nsid: string;

  constructor(nsid: string, message: string, options: XrpcErrorOptions = {}) {
    super(message, options);
    this.nsid = nsid;
  }
}
