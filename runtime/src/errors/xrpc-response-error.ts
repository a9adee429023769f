import { parseRateLimit } from '../xrpc/rate-limit.js';
import { isRetryableStatus } from '../xrpc/retry-policy.js';
import { excerpt, redactSecrets } from './redact.js';
import { XrpcError } from './xrpc-error.js';

import type { RateLimit } from '../xrpc/rate-limit.js';

/** What a server's XRPC error response said; the argument of every {@link XrpcResponseError}. */
export interface XrpcResponseErrorDetails {
  /** The NSID of the method that was called. */
  readonly nsid: string;
  /** The HTTP status of the response. */
  readonly status: number;
  /** The error name from the body, e.g. `RecordNotFound`. */
  readonly error: string;
  /** The human-readable message from the body, if any. */
  readonly message?: string | undefined;
  /** The response headers. */
  readonly headers: Headers;
}

const MESSAGE_LENGTH = 300;

function describe(details: XrpcResponseErrorDetails): string {
  const answer = `${details.nsid} answered ${details.status} ${details.error}`;
  const message =
    details.message === undefined ? '' : `: ${excerpt(details.message, MESSAGE_LENGTH)}`;

  return `XRPC request failed: ${answer}${message}`;
}

/**
 * A server answered with an XRPC error response (a JSON body with an `error` name). When the
 * method's lexicon declares that error name, the generated subclass is thrown instead, so callers
 * can catch e.g. `ProfileNotFoundError` with `instanceof`.
 */
export class XrpcResponseError extends XrpcError {
  override readonly name: string = 'XrpcResponseError';

  /** The HTTP status of the response. */
  readonly status: number;

  /** The error name the server sent, e.g. `InvalidRequest` or `ExpiredToken`. */
  readonly error: string;

  /** The human-readable message the server sent, if any, anything like a credential redacted. */
  readonly errorMessage: string | undefined;

  /** The response headers. */
  readonly headers: Headers;

  /** The rate-limit state from the response headers, if the server sent it. */
  readonly rateLimit: RateLimit | undefined;

  constructor(details: XrpcResponseErrorDetails) {
    super(details.nsid, describe(details), { retryable: isRetryableStatus(details.status) });
    this.status = details.status;
    this.error = details.error;
    this.errorMessage = details.message === undefined ? undefined : redactSecrets(details.message);
    this.headers = details.headers;
    this.rateLimit = parseRateLimit(details.headers);
  }
}
