import { describe, expect, test } from '@jest/globals';

import { isStringFormat } from '../../../runtime/src/syntax/formats.js';
import type { StringFormat } from '../../../runtime/src/syntax/formats.js';
import { thrown } from '../../_util/thrown.js';

const SAMPLES: { name: StringFormat; valid: string; invalid: string }[] = [
  { name: 'at-identifier', valid: 'alice.test', invalid: '@alice.test' },
  { name: 'at-uri', valid: 'at://alice.test/app.bsky.feed.post/self', invalid: 'at://alice.test/' },
  {
    name: 'cid',
    valid: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a',
    invalid: 'QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR',
  },
  { name: 'datetime', valid: '1985-04-12T23:20:50.123Z', invalid: '1985-04-12T23:20:50.123' },
  { name: 'did', valid: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', invalid: 'did:METHOD:val' },
  { name: 'handle', valid: 'alice.bsky.social', invalid: 'alice' },
  { name: 'language', valid: 'pt-BR', invalid: 'JA' },
  { name: 'nsid', valid: 'app.bsky.feed.post', invalid: 'app.bsky' },
  { name: 'record-key', valid: 'self', invalid: '..' },
  { name: 'tid', valid: '3jzfcijpj2z2a', invalid: 'self' },
  { name: 'uri', valid: 'https://example.com', invalid: 'example.com' },
];

describe('isStringFormat', () => {
  test.each(SAMPLES)('accepts a valid $name', ({ name, valid }) => {
    expect(isStringFormat(name, valid)).toBe(true);
  });

  test.each(SAMPLES)('rejects an invalid $name', ({ name, invalid }) => {
    expect(isStringFormat(name, invalid)).toBe(false);
  });

  test('dispatches to the check of the named format', () => {
    expect(isStringFormat('record-key', 'self')).toBe(true);
    expect(isStringFormat('tid', 'self')).toBe(false);
    expect(isStringFormat('handle', 'did:plc:abc')).toBe(false);
    expect(isStringFormat('at-identifier', 'did:plc:abc')).toBe(true);
  });

  test.each([
    { name: 'an unknown format', format: 'email' },
    { name: 'a name from Object.prototype', format: 'toString' },
  ])('throws a TypeError on $name', ({ format }) => {
    const error = thrown(() => isStringFormat(format as StringFormat, 'x'));

    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: `Unknown string format: ${format}` });
  });
});
