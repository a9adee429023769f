import { AuthenticationError } from './authentication-error.js';

import type { AuthenticationAttempt } from './authentication-error.js';

/**
 * The server accepted the password but wants a second factor: the account has email
 * authentication on and the server has just sent a code to its address. Call `authenticate` again
 * with that code as `authFactorToken`.
 *
 * Its cause is the server's `AuthFactorTokenRequired` answer. A session error wraps it, rather than
 * the generated error class being thrown as is, so that `instanceof` works whichever copy of the
 * generated `createSession` module the caller imports, and so that `attempts` comes along.
 */
export class AuthFactorTokenRequiredError extends AuthenticationError {
  override readonly name = 'AuthFactorTokenRequiredError';

  constructor(attempts: readonly AuthenticationAttempt[]) {
    super(attempts, 'Auth factor token required: pass the code sent by email as authFactorToken');
  }
}
