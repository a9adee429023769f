import { matchesSpan } from './span.js';
import { StringFormatError } from './string-format-error.js';

/** A DID in the generic syntax atproto accepts: `did:<method>:<identifier>`. */
export type Did = `did:${string}:${string}`;

/** The longest DID atproto accepts. */
export const DID_MAX_LENGTH = 2048;

// @NOTE: the identifier may hold `%`, which should start a two-hex-digit escape, but the DID spec
// leaves checking the escapes to resolution; only a trailing `%` (or `:`) is a syntax error. The
// method is lowercase letters only, and the DID is case-sensitive.
/** A DID (a regex source). */
export const DID_SOURCE = 'did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]';

const DID_PATTERN = new RegExp(`${DID_SOURCE}(?=/|$)`, 'y');

/** Tests the characters of `s` from `start` to `end` (a slash or the end) as a DID. */
export function isDidSpan(s: string, start: number, end: number): boolean {
  return end - start <= DID_MAX_LENGTH && matchesSpan(DID_PATTERN, s, start, end);
}

/**
 * Tests whether `s` has the syntax of a DID (lexicon format `did`), whatever its method.
 *
 * @example
 * ```ts
 * isDid('did:plc:ewvi7nxzyoun6zhxrhs64oiz'); // true
 * isDid('did:METHOD:val'); // false
 * ```
 */
export function isDid(s: string): s is Did {
  return isDidSpan(s, 0, s.length);
}

/**
 * Asserts that `s` has the syntax of a DID.
 *
 * @throws StringFormatError when it does not, e.g. `Invalid DID: foo`
 */
export function assertDid(s: string): asserts s is Did {
  if (!isDid(s)) {
    throw new StringFormatError('did', s);
  }
}
