import { LexforgeError, type LexforgeErrorOptions } from '../../errors/lexforge-error.js';

/** Options shared by every {@link IdentityError}. */
export type IdentityErrorOptions = LexforgeErrorOptions;

/**
 * The base of every error identity resolution throws: a handle or DID that cannot be resolved, a
 * DID document that cannot be used, or a handle its DID does not claim. Catch it to handle all of
 * them at once. Syntax errors in the identifier itself are `StringFormatError`s instead.
 */
export abstract class IdentityError extends LexforgeError {
  override readonly name: string = 'IdentityError';
}
