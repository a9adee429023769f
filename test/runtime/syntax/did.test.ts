import { describe, expect, test } from '@jest/globals';

import { DID_MAX_LENGTH, assertDid, isDid } from '../../../runtime/src/syntax/did.js';
import { StringFormatError } from '../../../runtime/src/syntax/string-format-error.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';
import { thrown } from '../../_util/thrown.js';

describe('isDid', () => {
  test.each(readSyntaxVectors('did_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isDid(value)).toBe(true);
  });

  test.each(readSyntaxVectors('did_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isDid(value)).toBe(false);
  });

  test('accepts a DID of the maximum length and rejects one character more', () => {
    const longest = `did:plc:${'a'.repeat(DID_MAX_LENGTH - 'did:plc:'.length)}`;

    expect(isDid(longest)).toBe(true);
    expect(isDid(`${longest}a`)).toBe(false);
  });

  test('rejects the empty string and a DID followed by a path', () => {
    expect(isDid('')).toBe(false);
    expect(isDid('did:plc:abc/def')).toBe(false);
  });
});

describe('assertDid', () => {
  test('returns for a DID', () => {
    expect(() => assertDid('did:web:example.com')).not.toThrow();
  });

  test('throws a StringFormatError naming the value', () => {
    const error = thrown(() => assertDid('foo'));

    expect(error).toBeInstanceOf(StringFormatError);
    expect(error).toMatchObject({ message: 'Invalid DID: foo', format: 'did', value: 'foo' });
  });
});
