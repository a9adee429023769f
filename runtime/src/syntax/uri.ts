import { hasUtf8Length } from './utf8-length.js';

/** A URI: a scheme, a colon and more, e.g. `https://example.com` or `dns:example.com`. */
export type Uri = `${string}:${string}`;

// @NOTE: an RFC 3986 scheme, a colon and at least one more character, with no whitespace or control
// characters anywhere. Non-ASCII characters pass: links in real records are often IRIs, and the
// lexicon spec asks for no more than generic URI shape.
const URI_PATTERN = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s\p{Cc}]+$/u;
// the same for printable ASCII only, which most URIs are and which runs faster than Unicode classes
const ASCII_URI_PATTERN = /^[a-zA-Z][a-zA-Z0-9+.-]*:[\x21-\x7e]+$/;

/** The largest URI in UTF-8 bytes the lexicon `uri` format allows, 8 KiB. */
export const URI_MAX_BYTES = 8192;

/**
 * Tests whether `s` is a URI in the sense of the lexicon `uri` format: a scheme, a colon and at
 * least one more character, no whitespace, at most 8 KiB of UTF-8.
 *
 * @example
 * ```ts
 * isUri('https://example.com/path?q=1#frag'); // true
 * isUri('dns:example.com'); // true
 * isUri('example.com'); // false: no scheme
 * ```
 */
export function isUri(s: string): s is Uri {
  return hasUtf8Length(s, 0, URI_MAX_BYTES) && (ASCII_URI_PATTERN.test(s) || URI_PATTERN.test(s));
}
