import { SessionError } from './session-error.js';

/**
 * A session store could not be used, e.g. its lock stayed held by another process for longer than
 * allowed. The session in memory is unaffected.
 */
export class SessionStoreError extends SessionError {
  override readonly name = 'SessionStoreError';

  /** The file or resource the store could not use. */
  readonly path: string;

  constructor(message: string, path: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, retryable: true });
    this.path = path;
  }
}
