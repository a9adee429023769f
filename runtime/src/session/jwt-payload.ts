import { isJsonObject } from '../schema/json-object.js';

/** The claims of a JWT payload the session reads; any other claim is ignored. */
export interface JwtPayload {
  /** When the token expires, in seconds since the epoch. */
  readonly exp?: number | undefined;
  /** When the token was issued, in seconds since the epoch. */
  readonly iat?: number | undefined;
  /** The subject: for an atproto access token, the account's DID. */
  readonly sub?: string | undefined;
}

const BASE64URL = /^[\w-]+$/;

function decodeSegment(segment: string | undefined): unknown {
  if (segment === undefined || !BASE64URL.test(segment)) return undefined;

  const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
  const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, '=');

  try {
    const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));

    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function isOptional(value: unknown, type: 'number' | 'string'): boolean {
  if (value === undefined) return true;

  return type === 'number' ? Number.isFinite(value) : typeof value === type;
}

/**
 * Reads the payload of a JWT without verifying its signature: the session only uses it to guess
 * when a token it holds will expire and whose it is; the server stays the judge of every token.
 *
 * @returns the `exp`, `iat` and `sub` claims, or `undefined` when the token is not three base64url
 * segments with a JSON object header and payload, or a claim has the wrong type
 * @example
 * decodeJwtPayload(session.accessJwt)?.exp; // 1767225600
 */
export function decodeJwtPayload(token: string): JwtPayload | undefined {
  const segments = token.split('.');

  if (segments.length !== 3 || !isJsonObject(decodeSegment(segments[0]))) return undefined;

  const claims = decodeSegment(segments[1]);

  if (!isJsonObject(claims)) return undefined;

  const { exp, iat, sub } = claims;

  if (!isOptional(exp, 'number') || !isOptional(iat, 'number') || !isOptional(sub, 'string')) {
    return undefined;
  }

  return {
    exp: exp as number | undefined,
    iat: iat as number | undefined,
    sub: sub as string | undefined,
  };
}
