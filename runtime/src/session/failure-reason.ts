import { excerpt } from '../errors/redact.js';
import { XrpcResponseError } from '../errors/xrpc-response-error.js';

const MESSAGE_LENGTH = 120;

/**
 * Whether a server refused a session request for good: a 4xx answer such as `ExpiredToken` (a
 * revoked token included), `InvalidToken` or `AccountTakedown`. A network failure, a timeout, a
 * 5xx, a 429 or an unreadable answer is not: the same tokens may work later.
 */
export function isRejectedForGood(error: unknown): error is XrpcResponseError {
  return error instanceof XrpcResponseError && !error.retryable;
}

/**
 * Says in a few words why a session request failed, for an authentication attempt: the status and
 * error name a server answered with, or the transport error's message, secrets redacted.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof XrpcResponseError) {
    const message = error.errorMessage === undefined ? '' : `: ${error.errorMessage}`;

    return excerpt(`${error.status} ${error.error}${message}`, MESSAGE_LENGTH);
  }

  return error instanceof Error ? excerpt(error.message, MESSAGE_LENGTH) : 'unknown failure';
}
