import type { RetryOptions } from 'ky';

/** How queries are retried; procedures are never retried automatically. */
export interface RetryPolicy {
  /**
   * How many times a failed query is sent again.
   * @default 2
   */
  readonly limit?: number | undefined;
  /**
   * The longest wait in milliseconds between two attempts, whether it comes from the exponential
   * backoff or from the server's `retry-after` or `ratelimit-reset` header.
   * @default 3000
   */
  readonly maxDelay?: number | undefined;
}

const DEFAULT_LIMIT = 2;
const DEFAULT_MAX_DELAY = 3000;

/**
 * Whether a response status says the same request may succeed later: 429 and every 5xx except
 * 501, which XRPC reserves for a method the server will never implement.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

const RETRYABLE_STATUSES = Array.from({ length: 600 }, (_, status) => status).filter(
  isRetryableStatus,
);

/**
 * Translates a retry policy into ky's options: GET only, network errors and retryable statuses,
 * full-jitter exponential backoff, and server retry hints on every retryable status, all capped
 * by `maxDelay`.
 */
export function toKyRetry(policy: RetryPolicy = {}): RetryOptions {
  const maxDelay = policy.maxDelay ?? DEFAULT_MAX_DELAY;

  return {
    limit: policy.limit ?? DEFAULT_LIMIT,
    methods: ['get'],
    statusCodes: RETRYABLE_STATUSES,
    afterStatusCodes: RETRYABLE_STATUSES,
    backoffLimit: maxDelay,
    maxRetryAfter: maxDelay,
    jitter: true,
    retryOnTimeout: false,
  };
}
