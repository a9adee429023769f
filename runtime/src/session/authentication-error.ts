import { SessionError } from './session-error.js';

/** A step of the authentication chain, in the order they are tried. */
export type AuthenticationStep = 'access' | 'refresh' | 'credentials';

/** Why one step of the authentication chain did not give a session. */
export interface AuthenticationAttempt {
  readonly step: AuthenticationStep;
  /** What went wrong, e.g. `access token expired` or `400 ExpiredToken: Token has been revoked`. */
  readonly reason: string;
  /** The error the step failed with, when it sent a request. */
  readonly error?: Error | undefined;
}

function describe(attempts: readonly AuthenticationAttempt[]): string {
  const steps = attempts.map(({ step, reason }) => `${step} (${reason})`);

  return `Authentication failed: ${steps.length === 0 ? 'no step tried' : steps.join(', ')}`;
}

function isRetryable(error: Error | undefined): boolean {
  return error !== undefined && 'retryable' in error && error.retryable === true;
}

function lastError(attempts: readonly AuthenticationAttempt[]): Error | undefined {
  return attempts.findLast((attempt) => attempt.error !== undefined)?.error;
}

/**
 * No step of the authentication chain gave a session: the saved access token was unusable, the
 * refresh token unusable or refused, and the credentials absent or refused. `attempts` says why,
 * step by step; the cause is the last error a server or the network answered with. It is
 * retryable when one of those errors is (a network failure or a 5xx).
 */
export class AuthenticationError extends SessionError {
  override readonly name: string = 'AuthenticationError';

  /** Why each step failed, in the order they were tried. */
  readonly attempts: readonly AuthenticationAttempt[];

  constructor(attempts: readonly AuthenticationAttempt[], message: string = describe(attempts)) {
    const retryable = attempts.some(({ error }) => isRetryable(error));

    super(message, { cause: lastError(attempts), retryable });
    this.attempts = attempts.map((attempt) => ({ ...attempt }));
  }
}
