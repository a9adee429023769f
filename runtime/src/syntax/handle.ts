import { matchesSpan } from './span.js';
import { StringFormatError } from './string-format-error.js';

/** A handle: a DNS hostname of at least two labels, e.g. `alice.bsky.social`. */
export type Handle = `${string}.${string}`;

/** The longest handle, as the longest DNS name. */
export const HANDLE_MAX_LENGTH = 253;

/** A hostname label: 1 to 63 letters, digits and inner hyphens (a regex source). */
export const LABEL_SOURCE = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';

/** A top-level domain label, which does not start with a digit (a regex source). */
export const TLD_SOURCE = '[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';

// @NOTE: a TLD cannot start with a digit, which keeps IPv4 addresses out. Reserved TLDs such as
// `.local`, `.onion`, `.arpa`, `.invalid` and `.test` pass: the handle spec makes them
// syntactically valid and leaves refusing them to registration and resolution, so lexicon
// validation accepts records naming them.
const HANDLE_PATTERN = new RegExp(`(?:${LABEL_SOURCE}\\.)+${TLD_SOURCE}(?=/|$)`, 'y');

/** Tests the characters of `s` from `start` to `end` (a slash or the end) as a handle. */
export function isHandleSpan(s: string, start: number, end: number): boolean {
  return end - start <= HANDLE_MAX_LENGTH && matchesSpan(HANDLE_PATTERN, s, start, end);
}

/**
 * Tests whether `s` has the syntax of a handle (lexicon format `handle`), in any letter case.
 *
 * @example
 * ```ts
 * isHandle('alice.bsky.social'); // true
 * isHandle('john.0'); // false: the TLD starts with a digit
 * ```
 */
export function isHandle(s: string): s is Handle {
  return isHandleSpan(s, 0, s.length);
}

/**
 * Asserts that `s` has the syntax of a handle.
 *
 * @throws StringFormatError when it does not, e.g. `Invalid handle: jo@hn.test`
 */
export function assertHandle(s: string): asserts s is Handle {
  if (!isHandle(s)) {
    throw new StringFormatError('handle', s);
  }
}

/**
 * Checks a handle and returns it in lower case, the form to store and compare.
 *
 * @throws StringFormatError when `s` is not a handle
 * @example
 * ```ts
 * normalizeHandle('XX.LCS.MIT.EDU'); // 'xx.lcs.mit.edu'
 * ```
 */
export function normalizeHandle(s: string): Handle {
  // @NOTE: checked before lowercasing: `toLowerCase` maps a few non-ASCII letters (the Kelvin
  // sign) to ASCII ones and would let them through.
  assertHandle(s);

  return s.toLowerCase() as Handle;
}
