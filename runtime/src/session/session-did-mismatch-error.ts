import { SessionError } from './session-error.js';

/**
 * A refresh answered with a session for another account than the one refreshed. The answer is
 * dropped and the current session kept.
 */
export class SessionDidMismatchError extends SessionError {
  override readonly name = 'SessionDidMismatchError';

  /** The DID of the session that was refreshed. */
  readonly expected: string;

  /** The DID the server answered with. */
  readonly received: string;

  constructor(expected: string, received: string) {
    super(`Session DID mismatch: refresh of ${expected} answered ${received}`);
    this.expected = expected;
    this.received = received;
  }
}
