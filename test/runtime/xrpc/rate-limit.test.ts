import { afterEach, describe, expect, jest, test } from '@jest/globals';

import { parseRateLimit } from '../../../runtime/src/xrpc/index.js';

afterEach(() => {
  jest.useRealTimers();
});

describe(parseRateLimit, () => {
  test('reads limit, remaining, an epoch-seconds reset and the policy', () => {
    const headers = new Headers({
      'ratelimit-limit': '3000',
      'ratelimit-remaining': '2999',
      'ratelimit-reset': '1767225600',
      'ratelimit-policy': '3000;w=300',
    });

    expect(parseRateLimit(headers)).toEqual({
      limit: 3000,
      remaining: 2999,
      reset: new Date('2026-01-01T00:00:00Z'),
      policy: '3000;w=300',
    });
  });

  test('reads a small reset as seconds from now', () => {
    jest.useFakeTimers({ now: new Date('2026-05-01T12:00:00Z') });

    const headers = new Headers({
      'ratelimit-limit': '10',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '90',
    });

    expect(parseRateLimit(headers)).toEqual({
      limit: 10,
      remaining: 0,
      reset: new Date('2026-05-01T12:01:30Z'),
      policy: undefined,
    });
  });

  test.each([
    { name: 'no headers', headers: {} },
    { name: 'a missing reset', headers: { 'ratelimit-limit': '1', 'ratelimit-remaining': '1' } },
    {
      name: 'a malformed number',
      headers: { 'ratelimit-limit': '1e3', 'ratelimit-remaining': '1', 'ratelimit-reset': '5' },
    },
  ])('returns undefined for $name', ({ headers }) => {
    expect(parseRateLimit(new Headers(headers))).toBeUndefined();
  });
});
