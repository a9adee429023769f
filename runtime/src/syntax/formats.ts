import { isAtIdentifier } from './at-identifier.js';
import { isAtUri } from './at-uri.js';
import { isCid } from './cid.js';
import { isDatetime } from './datetime.js';
import { isDid } from './did.js';
import { isHandle } from './handle.js';
import { isLanguage } from './language.js';
import { isNsid } from './nsid.js';
import { isRecordKey } from './record-key.js';
import { isTid } from './tid.js';
import { isUri } from './uri.js';

/** The `format` values a lexicon `string` can declare. */
export type StringFormat =
  | 'at-identifier'
  | 'at-uri'
  | 'cid'
  | 'datetime'
  | 'did'
  | 'handle'
  | 'language'
  | 'nsid'
  | 'record-key'
  | 'tid'
  | 'uri';

const FORMAT_CHECKS: Readonly<Record<StringFormat, (value: string) => boolean>> = Object.freeze({
  'at-identifier': isAtIdentifier,
  'at-uri': isAtUri,
  cid: isCid,
  datetime: isDatetime,
  did: isDid,
  handle: isHandle,
  language: isLanguage,
  nsid: isNsid,
  'record-key': isRecordKey,
  tid: isTid,
  uri: isUri,
});

/**
 * Tests whether `value` has the syntax of a lexicon string format.
 *
 * @throws TypeError when `format` is not one of the known formats
 * @example
 * ```ts
 * isStringFormat('did', 'did:plc:ewvi7nxzyoun6zhxrhs64oiz'); // true
 * isStringFormat('tid', 'self'); // false
 * ```
 */
export function isStringFormat(format: StringFormat, value: string): boolean {
  // @NOTE: an own-property test, so that names from Object.prototype are not taken for formats
  // when a format comes from an untyped lexicon document.
  if (!Object.hasOwn(FORMAT_CHECKS, format)) {
    throw new TypeError(`Unknown string format: ${format}`);
  }

  return FORMAT_CHECKS[format](value);
}
