import type { StringFormat } from '@lexforge/runtime';

/** The runtime's syntax check of each lexicon string format, by its exported name. */
const FORMAT_CHECKS: Readonly<Record<StringFormat, string>> = {
  'at-identifier': 'isAtIdentifier',
  'at-uri': 'isAtUri',
  cid: 'isCid',
  datetime: 'isDatetime',
  did: 'isDid',
  handle: 'isHandle',
  language: 'isLanguage',
  nsid: 'isNsid',
  'record-key': 'isRecordKey',
  tid: 'isTid',
  uri: 'isUri',
};

/**
 * The name of the runtime function that checks a lexicon string format, e.g. `isDid`; undefined
 * for a format the runtime does not know.
 */
export function formatCheckName(format: string): string | undefined {
  return Object.hasOwn(FORMAT_CHECKS, format) ? FORMAT_CHECKS[format as StringFormat] : undefined;
}
