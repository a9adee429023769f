import { LABEL_SOURCE, TLD_SOURCE } from './handle.js';
import { matchesSpan } from './span.js';
import { StringFormatError } from './string-format-error.js';

/** A namespaced identifier: a reversed domain authority and a name, e.g. `app.bsky.feed.post`. */
export type Nsid = `${string}.${string}.${string}`;

/** The parts of an NSID. */
export interface NsidParts {
  /** The domain authority in NSID order, e.g. `app.bsky.feed` in `app.bsky.feed.post`. */
  readonly authority: string;
  /** The final, case-sensitive camel-case segment, e.g. `post`. */
  readonly name: string;
  /** Every segment in order, the name last. */
  readonly segments: string[];
}

/** The longest NSID. */
export const NSID_MAX_LENGTH = 317;

// @NOTE: the authority is a reversed hostname, so its first segment (the TLD) must not start with a
// digit while later ones may; the name allows letters and digits only, not starting with a digit.
// The NSID spec also caps the authority at 253 characters, but the interop vectors accept a longer
// one within the 317-character total, so only the total is checked here.
/** An NSID, without its length bound (a regex source). */
export const NSID_SOURCE = `${TLD_SOURCE}(?:\\.${LABEL_SOURCE})+\\.[a-zA-Z][a-zA-Z0-9]{0,62}`;

const NSID_PATTERN = new RegExp(`${NSID_SOURCE}(?=/|$)`, 'y');

/** Tests the characters of `s` from `start` to `end` (a slash or the end) as an NSID. */
export function isNsidSpan(s: string, start: number, end: number): boolean {
  return end - start <= NSID_MAX_LENGTH && matchesSpan(NSID_PATTERN, s, start, end);
}

/**
 * Tests whether `s` has the syntax of an NSID (lexicon format `nsid`).
 *
 * @example
 * ```ts
 * isNsid('com.example.fooBar'); // true
 * isNsid('com.example.3'); // false: the name starts with a digit
 * ```
 */
export function isNsid(s: string): s is Nsid {
  return isNsidSpan(s, 0, s.length);
}

/**
 * Splits an NSID into its domain authority, name and segments.
 *
 * @throws StringFormatError when `s` is not an NSID
 * @example
 * ```ts
 * parseNsid('app.bsky.feed.post');
 * // { authority: 'app.bsky.feed', name: 'post', segments: ['app', 'bsky', 'feed', 'post'] }
 * ```
 */
export function parseNsid(s: string): NsidParts {
  if (!isNsid(s)) {
    throw new StringFormatError('nsid', s);
  }

  const nameStart = s.lastIndexOf('.') + 1;

  return { authority: s.slice(0, nameStart - 1), name: s.slice(nameStart), segments: s.split('.') };
}

/**
 * Joins a domain authority (in NSID order) and a name into an NSID.
 *
 * @throws StringFormatError when the result is not an NSID with exactly that name
 * @example
 * ```ts
 * formatNsid({ authority: 'app.bsky.feed', name: 'post' }); // 'app.bsky.feed.post'
 * ```
 */
export function formatNsid(parts: Pick<NsidParts, 'authority' | 'name'>): Nsid {
  const nsid = `${parts.authority}.${parts.name}`;

  if (parts.name.includes('.') || !isNsid(nsid)) {
    throw new StringFormatError('nsid', nsid);
  }

  return nsid;
}
