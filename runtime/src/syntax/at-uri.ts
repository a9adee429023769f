import { isAtIdentifierSpan } from './at-identifier.js';
import type { AtIdentifier } from './at-identifier.js';
import { DID_MAX_LENGTH, DID_SOURCE } from './did.js';
import type { Nsid } from './nsid.js';
import { isNsidSpan, NSID_MAX_LENGTH, NSID_SOURCE } from './nsid.js';
import { isRecordKeySpan, RECORD_KEY_MAX_LENGTH, RECORD_KEY_SOURCE } from './record-key.js';
import { StringFormatError } from './string-format-error.js';

/** An AT URI, e.g. `at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k5nobkf2w72g`. */
export type AtUri = `at://${string}`;

/** The parts of an AT URI. */
export interface AtUriParts {
  /** The repository: a DID, or a handle as written. */
  readonly repo: AtIdentifier;
  /** The collection NSID. */
  readonly collection?: Nsid;
  /** The record key; only with a collection. */
  readonly rkey?: string;
  /** The JSON-path fragment after `#`, starting with `/`, e.g. `/embed`. */
  readonly fragment?: string;
}

/** The longest AT URI, 8 KiB. */
export const AT_URI_MAX_LENGTH = 8192;

const PREFIX = 'at://';

// @NOTE: fragments are RFC 3986 fragment characters after a leading slash (JSON-path style).
const FRAGMENT_PATTERN = /^\/(?:[a-zA-Z0-9._~!$&'()*+,;=:@/?-]|%[0-9a-fA-F]{2})*$/;

// @NOTE: the form nearly every at-uri takes (a DID, maybe a collection and a record key) in one
// pattern, which runs faster than checking each part; it holds only where no part can exceed its
// length bound, so other strings take the part-by-part path.
const COMMON_PATTERN = new RegExp(
  `^at://${DID_SOURCE}(?:/${NSID_SOURCE}(?:/${RECORD_KEY_SOURCE})?)?$`,
);
const COMMON_MAX_LENGTH = Math.min(DID_MAX_LENGTH, NSID_MAX_LENGTH, RECORD_KEY_MAX_LENGTH);

function segmentEnd(s: string, start: number): number {
  const slash = s.indexOf('/', start);

  return slash === -1 ? s.length : slash;
}

function hasRecordPath(s: string, start: number): boolean {
  const collectionEnd = segmentEnd(s, start);

  if (!isNsidSpan(s, start, collectionEnd)) {
    return false;
  }

  return collectionEnd === s.length || isRecordKeySpan(s, collectionEnd + 1, s.length);
}

/**
 * Tests whether `s` is an AT URI in the restricted syntax of the lexicon `at-uri` format:
 * `at://` and a handle or DID, then optionally `/` and a collection NSID, then optionally `/` and
 * a record key. No query, no fragment, no trailing slash.
 *
 * @example
 * ```ts
 * isAtUri('at://alice.bsky.social/app.bsky.feed.post/3k5nobkf2w72g'); // true
 * isAtUri('at://alice.bsky.social/'); // false: trailing slash
 * ```
 */
export function isAtUri(s: string): s is AtUri {
  if (s.length <= COMMON_MAX_LENGTH && COMMON_PATTERN.test(s)) {
    return true;
  }

  if (s.length > AT_URI_MAX_LENGTH || !s.startsWith(PREFIX)) {
    return false;
  }

  const repoEnd = segmentEnd(s, PREFIX.length);

  if (!isAtIdentifierSpan(s, PREFIX.length, repoEnd)) {
    return false;
  }

  return repoEnd === s.length || hasRecordPath(s, repoEnd + 1);
}

function splitFragment(s: string): [uri: string, fragment: string | undefined] {
  const hash = s.indexOf('#');

  return hash === -1 ? [s, undefined] : [s.slice(0, hash), s.slice(hash + 1)];
}

function toParts(uri: AtUri, fragment: string | undefined): AtUriParts {
  const [repo, collection, rkey] = uri.slice(PREFIX.length).split('/') as [
    AtIdentifier,
    Nsid | undefined,
    string | undefined,
  ];

  return {
    repo,
    ...(collection === undefined ? {} : { collection }),
    ...(rkey === undefined ? {} : { rkey }),
    ...(fragment === undefined ? {} : { fragment }),
  };
}

function isFragment(fragment: string | undefined): boolean {
  return fragment === undefined || FRAGMENT_PATTERN.test(fragment);
}

/**
 * Splits an AT URI into repository, collection, record key and fragment.
 *
 * @NOTE: beyond {@link isAtUri} this accepts a JSON-path fragment (`#/...`) from the general AT URI
 * syntax, so references into a record parse; the lexicon `at-uri` format itself has none.
 *
 * @throws StringFormatError when `s` is not an AT URI
 * @example
 * ```ts
 * parseAtUri('at://alice.bsky.social/app.bsky.feed.post/3k5nobkf2w72g');
 * // { repo: 'alice.bsky.social', collection: 'app.bsky.feed.post', rkey: '3k5nobkf2w72g' }
 * ```
 */
export function parseAtUri(s: string): AtUriParts {
  const [uri, fragment] = splitFragment(s);

  if (s.length > AT_URI_MAX_LENGTH || !isAtUri(uri) || !isFragment(fragment)) {
    throw new StringFormatError('at-uri', s);
  }

  return toParts(uri, fragment);
}

function formatPath({ collection, rkey }: AtUriParts): string {
  if (rkey !== undefined) {
    return `/${collection ?? ''}/${rkey}`;
  }

  return collection === undefined ? '' : `/${collection}`;
}

/**
 * Builds an AT URI from its parts; `formatAtUri(parseAtUri(s))` gives back `s`.
 *
 * @throws StringFormatError when the parts do not form an AT URI that parses back into them, e.g.
 * a record key without a collection, or a part holding `/` or `#`
 * @example
 * ```ts
 * formatAtUri({ repo: 'alice.bsky.social', collection: 'app.bsky.feed.post' });
 * // 'at://alice.bsky.social/app.bsky.feed.post'
 * ```
 */
export function formatAtUri(parts: AtUriParts): AtUri {
  const fragment = parts.fragment === undefined ? '' : `#${parts.fragment}`;
  const uri = `${PREFIX}${parts.repo}${formatPath(parts)}${fragment}`;
  const parsed = parseAtUri(uri);
  const same =
    parsed.repo === parts.repo &&
    parsed.collection === parts.collection &&
    parsed.rkey === parts.rkey &&
    parsed.fragment === parts.fragment;

  if (!same) {
    throw new StringFormatError('at-uri', uri);
  }

  return uri as AtUri;
}
