import { LexforgeError } from '../errors/lexforge-error.js';

import type { StringFormat } from './formats.js';

/** How each format names its subject at the start of an error message. */
const SUBJECTS: Readonly<Record<StringFormat, string>> = Object.freeze({
  'at-identifier': 'AT identifier',
  'at-uri': 'AT URI',
  cid: 'CID',
  datetime: 'datetime',
  did: 'DID',
  handle: 'handle',
  language: 'language tag',
  nsid: 'NSID',
  'record-key': 'record key',
  tid: 'TID',
  uri: 'URI',
});

// @NOTE: values come from the network and may be kilobytes long; the message shows a bounded
// prefix, the full value stays on the error.
const SHOWN_LENGTH = 100;

function shorten(value: string): string {
  return value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value;
}

/**
 * Thrown when a string does not have the syntax of the lexicon string format it must have.
 *
 * @example
 * ```ts
 * assertDid('foo'); // throws StringFormatError: Invalid DID: foo
 * ```
 */
export class StringFormatError extends LexforgeError {
  override name = 'StringFormatError';

  /** The lexicon string format the value failed. */
  readonly format: StringFormat;

  /** The rejected value, in full. */
  readonly value: string;

  constructor(format: StringFormat, value: string) {
    super(`Invalid ${SUBJECTS[format]}: ${shorten(value)}`);
    this.format = format;
    this.value = value;
  }
}
