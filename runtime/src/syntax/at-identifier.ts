import { isDidSpan } from './did.js';
import type { Did } from './did.js';
import { isHandleSpan } from './handle.js';
import type { Handle } from './handle.js';
import { StringFormatError } from './string-format-error.js';

/** A handle or a DID, e.g. the `repo` or `actor` parameter of many methods. */
export type AtIdentifier = Did | Handle;

/** Tests the characters of `s` from `start` to `end` (a slash or the end) as an AT identifier. */
export function isAtIdentifierSpan(s: string, start: number, end: number): boolean {
  // @NOTE: no handle contains `:`, so a leading `did:` decides which syntax applies.
  return s.startsWith('did:', start) ? isDidSpan(s, start, end) : isHandleSpan(s, start, end);
}

/**
 * Tests whether `s` is a handle or a DID (lexicon format `at-identifier`).
 *
 * @example
 * ```ts
 * isAtIdentifier('alice.bsky.social'); // true
 * isAtIdentifier('did:plc:ewvi7nxzyoun6zhxrhs64oiz'); // true
 * isAtIdentifier('@alice.bsky.social'); // false
 * ```
 */
export function isAtIdentifier(s: string): s is AtIdentifier {
  return isAtIdentifierSpan(s, 0, s.length);
}

/**
 * Asserts that `s` is a handle or a DID.
 *
 * @throws StringFormatError when it is neither, e.g. `Invalid AT identifier: @handle`
 */
export function assertAtIdentifier(s: string): asserts s is AtIdentifier {
  if (!isAtIdentifier(s)) {
    throw new StringFormatError('at-identifier', s);
  }
}
