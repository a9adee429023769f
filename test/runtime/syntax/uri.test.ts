import { describe, expect, test } from '@jest/globals';

import { URI_MAX_BYTES, isUri } from '../../../runtime/src/syntax/uri.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';

const BASE = 'https://example.com/';

describe('isUri', () => {
  test.each(readSyntaxVectors('uri_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isUri(value)).toBe(true);
  });

  test.each(readSyntaxVectors('uri_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isUri(value)).toBe(false);
  });

  test.each([
    { name: 'an IRI with non-ASCII letters', value: `${BASE}straße/日本`, valid: true },
    {
      name: 'an ipld URI',
      value: 'ipld://bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a',
      valid: true,
    },
    { name: 'a scheme with plus and period', value: 'git+ssh.v2://host/repo', valid: true },
    { name: 'a scheme starting with a digit', value: '1http://example.com', valid: false },
    { name: 'a NUL character', value: `${BASE}\u0000`, valid: false },
    { name: 'a DEL character', value: `${BASE}\u007f`, valid: false },
    { name: 'a no-break space', value: `${BASE}a\u00a0b`, valid: false },
    { name: 'a line separator', value: `${BASE}a\u2028b`, valid: false },
    { name: 'a tab', value: `${BASE}a\tb`, valid: false },
    { name: 'an empty string', value: '', valid: false },
  ])('decides $name', ({ value, valid }) => {
    expect(isUri(value)).toBe(valid);
  });

  test('accepts 8 KiB of ASCII and rejects one byte more', () => {
    const longest = `${BASE}${'x'.repeat(URI_MAX_BYTES - BASE.length)}`;

    expect(isUri(longest)).toBe(true);
    expect(isUri(`${longest}x`)).toBe(false);
  });

  test('counts the bound in UTF-8 bytes, not characters', () => {
    const twoByte = `${BASE}${'é'.repeat((URI_MAX_BYTES - BASE.length) / 2)}`;
    const threeByte = `${BASE}${'€'.repeat(2724)}`;
    const fourByte = `${BASE}${'😀'.repeat(2043)}`;

    expect(new TextEncoder().encode(twoByte)).toHaveLength(URI_MAX_BYTES);
    expect(isUri(twoByte)).toBe(true);
    expect(isUri(`${twoByte}é`)).toBe(false);
    expect(new TextEncoder().encode(threeByte)).toHaveLength(8192);
    expect(isUri(threeByte)).toBe(true);
    expect(isUri(`${threeByte}€`)).toBe(false);
    expect(new TextEncoder().encode(fourByte)).toHaveLength(8192);
    expect(isUri(fourByte)).toBe(true);
    expect(isUri(`${fourByte}😀`)).toBe(false);
  });
});
