import { SessionError } from './session-error.js';

/** The client has no session: `authenticate` was not called, failed, or the session ended. */
export class NotAuthenticatedError extends SessionError {
  override readonly name = 'NotAuthenticatedError';

  constructor() {
    super('Not authenticated: the client has no session');
  }
}
