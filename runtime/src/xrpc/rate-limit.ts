/** The rate-limit state a server reported through its `ratelimit-*` response headers. */
export interface RateLimit {
  /** Requests allowed in the current window (`ratelimit-limit`). */
  readonly limit: number;
  /** Requests left in the current window (`ratelimit-remaining`). */
  readonly remaining: number;
  /** When the window resets (`ratelimit-reset`). */
  readonly reset: Date;
  /** The policy as the server spells it, e.g. `3000;w=300` (`ratelimit-policy`). */
  readonly policy?: string | undefined;
}

// Below this a reset value cannot be an epoch time in seconds, so it is read as a delay instead.
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

function readInteger(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();

  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function resetDate(seconds: number): Date {
  return seconds >= EPOCH_SECONDS_THRESHOLD
    ? new Date(seconds * 1000)
    : new Date(Date.now() + seconds * 1000);
}

/**
 * Reads the `ratelimit-*` headers of a response. The reset is read as epoch seconds (what atproto
 * services send), or as a delay in seconds when the value is too small to be a date.
 *
 * @returns the rate limit, or `undefined` when limit, remaining or reset is missing or malformed
 */
export function parseRateLimit(headers: Headers): RateLimit | undefined {
  const limit = readInteger(headers, 'ratelimit-limit');
  const remaining = readInteger(headers, 'ratelimit-remaining');
  const reset = readInteger(headers, 'ratelimit-reset');

  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;

  const policy = headers.get('ratelimit-policy') ?? undefined;

  return { limit, remaining, reset: resetDate(reset), policy };
}
