import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';

import { isExpiring, tokenExpiry } from '../../../runtime/src/session/token-expiry.js';

const NOW = Date.UTC(2026, 0, 1);
const SECOND = 1000;

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: object): string =>
    Buffer.from(JSON.stringify(value)).toString('base64url');

  return `${encode({ alg: 'HS256' })}.${encode(claims)}.sig`;
}

function accessToken(lifetimeSeconds: number, issuedSecondsAgo = 0): string {
  const iat = NOW / SECOND - issuedSecondsAgo;

  return jwt({ iat, exp: iat + lifetimeSeconds });
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
});

afterEach(() => {
  jest.useRealTimers();
});

describe(tokenExpiry, () => {
  test('converts exp to milliseconds', () => {
    expect(tokenExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  test('is undefined without exp or for a token that is not a JWT', () => {
    expect(tokenExpiry(jwt({ sub: 'did:plc:a' }))).toBeUndefined();
    expect(tokenExpiry('opaque-token')).toBeUndefined();
  });
});

describe(isExpiring, () => {
  test('counts a two-hour token as expiring once within the margin of exp', () => {
    const token = accessToken(7200);

    expect(isExpiring(token, 60 * SECOND)).toBe(false);

    jest.advanceTimersByTime((7200 - 61) * SECOND);

    expect(isExpiring(token, 60 * SECOND)).toBe(false);

    jest.advanceTimersByTime(SECOND);

    expect(isExpiring(token, 60 * SECOND)).toBe(true);
  });

  test('counts a token past exp as expiring with no margin', () => {
    const token = accessToken(10);

    jest.advanceTimersByTime(9999);

    expect(isExpiring(token, 0)).toBe(false);

    jest.advanceTimersByTime(1);

    expect(isExpiring(token, 0)).toBe(true);
  });

  test('caps the margin at half the lifetime of a short-lived token', () => {
    const token = accessToken(60);

    expect(isExpiring(token, 120 * SECOND)).toBe(false);

    jest.advanceTimersByTime(30 * SECOND);

    expect(isExpiring(token, 120 * SECOND)).toBe(true);
  });

  test('applies the full margin when the token has no iat', () => {
    const token = jwt({ exp: NOW / SECOND + 60 });

    expect(isExpiring(token, 60 * SECOND)).toBe(true);
    expect(isExpiring(token, 59 * SECOND)).toBe(false);
  });

  test('takes the current time as a parameter', () => {
    const token = accessToken(7200);

    expect(isExpiring(token, 0, NOW + 7200 * SECOND)).toBe(true);
    expect(isExpiring(token, 0, NOW + 7199 * SECOND)).toBe(false);
  });

  test('never counts a token of unknown expiry as expiring', () => {
    expect(isExpiring('opaque-token', 60 * SECOND)).toBe(false);
    expect(isExpiring(jwt({ iat: NOW / SECOND - 1e6 }), 60 * SECOND)).toBe(false);
  });
});
