import { matchesSpan } from './span.js';

/** The longest record key. */
export const RECORD_KEY_MAX_LENGTH = 512;

// @NOTE: the characters are those RFC 3986 leaves unreserved in a path segment, plus `:`; `.` and
// `..` alone are refused because they would read as relative path steps.
/** A record key, without its length bound (a regex source). */
export const RECORD_KEY_SOURCE = '(?!\\.\\.?(?:/|$))[a-zA-Z0-9._:~-]+';

const RECORD_KEY_PATTERN = new RegExp(`${RECORD_KEY_SOURCE}(?=/|$)`, 'y');

/** Tests the characters of `s` from `start` to `end` (a slash or the end) as a record key. */
export function isRecordKeySpan(s: string, start: number, end: number): boolean {
  return end - start <= RECORD_KEY_MAX_LENGTH && matchesSpan(RECORD_KEY_PATTERN, s, start, end);
}

/**
 * Tests whether `s` has the general syntax of a record key (lexicon format `record-key`, the
 * `any` key type): 1 to 512 characters among `A-Za-z0-9._:~-`, and neither `.` nor `..`.
 *
 * @example
 * ```ts
 * isRecordKey('3jzfcijpj2z2a'); // true
 * isRecordKey('self'); // true
 * isRecordKey('alpha/beta'); // false
 * ```
 */
export function isRecordKey(s: string): boolean {
  return isRecordKeySpan(s, 0, s.length);
}
