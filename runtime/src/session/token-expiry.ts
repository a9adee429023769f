import { decodeJwtPayload } from './jwt-payload.js';

/** How long before its `exp` a token counts as expired, for clock skew and time in flight. */
export const DEFAULT_EXPIRY_MARGIN = 60_000;

/**
 * When a token expires, in milliseconds since the epoch.
 *
 * @returns `undefined` when the token is not a JWT or has no `exp` claim
 */
export function tokenExpiry(token: string): number | undefined {
  const exp = decodeJwtPayload(token)?.exp;

  return exp === undefined ? undefined : exp * 1000;
}

/**
 * The margin to apply to one token: at most half its lifetime, so that a short-lived token is not
 * renewed on every request.
 */
function marginFor(token: string, margin: number): number {
  const payload = decodeJwtPayload(token);

  if (payload?.exp === undefined || payload.iat === undefined) return margin;

  return Math.min(margin, ((payload.exp - payload.iat) * 1000) / 2);
}

/**
 * Whether a token has expired, or will within `margin` milliseconds (capped at half the token's
 * lifetime when it names its `iat`). A token whose expiry is unknown never counts as expiring.
 *
 * @param margin - milliseconds of safety before `exp`
 * @param now - the current time in milliseconds since the epoch
 * @default now Date.now()
 * @example
 * if (isExpiring(session.accessJwt, 60_000)) await renew();
 */
export function isExpiring(token: string, margin: number, now: number = Date.now()): boolean {
  const expiry = tokenExpiry(token);

  return expiry !== undefined && expiry - marginFor(token, margin) <= now;
}
