import { safeParse } from 'valibot';

import { outputSchema } from '../lexicons/com/atproto/server/createSession.js';

import type { Output as CreateSessionOutput } from '../lexicons/com/atproto/server/createSession.js';

/**
 * A session as `com.atproto.server.createSession` returns it: the two tokens, the account's DID
 * and handle, and what the server says about the account. It holds secrets: store it the way you
 * would store a password.
 */
export type AtpSessionData = CreateSessionOutput;

const OPTIONAL_KEYS = [
  'didDoc',
  'email',
  'emailConfirmed',
  'emailAuthFactor',
  'active',
  'status',
] as const satisfies readonly (keyof AtpSessionData)[];

/**
 * Copies a session into a fresh plain object: the known fields only, in a fixed order, absent
 * optional fields left out, the DID document deep-copied.
 */
export function copySessionData(session: AtpSessionData): AtpSessionData {
  const { accessJwt, refreshJwt, handle, did } = session;
  const copy: AtpSessionData = { accessJwt, refreshJwt, handle, did };

  for (const key of OPTIONAL_KEYS) {
    if (session[key] !== undefined) Object.assign(copy, { [key]: structuredClone(session[key]) });
  }

  return copy;
}

/**
 * Checks that a value is a session (a saved one, or a raw `createSession` output with extra
 * fields) and copies its known fields.
 *
 * @returns the session, or `undefined` when a field is missing, has the wrong type or format, or a
 * token is empty
 * @example
 * const saved = parseSessionData(JSON.parse(text));
 */
export function parseSessionData(value: unknown): AtpSessionData | undefined {
  const result = safeParse(outputSchema, value);

  if (!result.success) return undefined;

  const { accessJwt, refreshJwt } = result.output;

  return accessJwt === '' || refreshJwt === '' ? undefined : copySessionData(result.output);
}
