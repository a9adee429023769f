import { LexforgeError, type LexforgeErrorOptions } from '../errors/lexforge-error.js';

/** Options shared by every {@link SessionError}. */
export type SessionErrorOptions = LexforgeErrorOptions;

/**
 * The base of the session errors: no usable session could be had, there is none, or a refresh
 * answered for another account. Messages and properties never hold a token or a password.
 */
export abstract class SessionError extends LexforgeError {
  override readonly name: string = 'SessionError';
}
