import { describe, expect, test } from '@jest/globals';

import { decodeJwtPayload } from '../../../runtime/src/session/jwt-payload.js';

function segment(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

function jwt(payload: unknown, header: unknown = { alg: 'HS256', typ: 'at+jwt' }): string {
  return `${segment(header)}.${segment(payload)}.c2lnbmF0dXJl`;
}

describe(decodeJwtPayload, () => {
  test('reads exp, iat and sub and drops other claims', () => {
    const token = jwt({ exp: 1_800_000_000, iat: 1_799_992_800, sub: 'did:plc:abc', scope: 'x' });

    expect(decodeJwtPayload(token)).toEqual({
      exp: 1_800_000_000,
      iat: 1_799_992_800,
      sub: 'did:plc:abc',
    });
  });

  test('reads a payload whose claims are absent', () => {
    expect(decodeJwtPayload(jwt({}))).toEqual({ exp: undefined, iat: undefined, sub: undefined });
  });

  test('reads UTF-8 claims and unpadded segments of every length', () => {
    for (const sub of ['d', 'dé', 'déf', 'défg']) {
      expect(decodeJwtPayload(jwt({ sub }))?.sub).toBe(sub);
    }
  });

  test.each([
    { name: 'two segments', token: `${segment({})}.${segment({ exp: 1 })}` },
    { name: 'four segments', token: `${jwt({ exp: 1 })}.x` },
    { name: 'a payload that is not JSON', token: jwt('not json') },
    { name: 'a payload that is an array', token: jwt([1, 2]) },
    { name: 'a payload that is null', token: jwt(null) },
    { name: 'a header that is not an object', token: jwt({ exp: 1 }, 'header') },
    { name: 'a string exp', token: jwt({ exp: '1800000000' }) },
    { name: 'an infinite-looking exp', token: jwt('{"exp":1e400}') },
    { name: 'a numeric sub', token: jwt({ sub: 5 }) },
    { name: 'characters outside base64url', token: `${segment({})}.eyJ+Jw==.sig` },
    { name: 'a segment of impossible length', token: `${segment({})}.abcde.sig` },
    {
      name: 'invalid UTF-8',
      token: `${segment({})}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.s`,
    },
    { name: 'an empty string', token: '' },
  ])('returns undefined for $name', ({ token }) => {
    expect(decodeJwtPayload(token)).toBeUndefined();
  });
});
