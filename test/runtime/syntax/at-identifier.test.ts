import { describe, expect, test } from '@jest/globals';

import { assertAtIdentifier, isAtIdentifier } from '../../../runtime/src/syntax/at-identifier.js';
import { StringFormatError } from '../../../runtime/src/syntax/string-format-error.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';
import { thrown } from '../../_util/thrown.js';

describe('isAtIdentifier', () => {
  test.each(readSyntaxVectors('atidentifier_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isAtIdentifier(value)).toBe(true);
  });

  test.each(readSyntaxVectors('atidentifier_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isAtIdentifier(value)).toBe(false);
  });

  test.each([
    ...readSyntaxVectors('did_syntax_valid.txt'),
    ...readSyntaxVectors('handle_syntax_valid.txt'),
  ])('accepts the DID or handle $name', ({ value }) => {
    expect(isAtIdentifier(value)).toBe(true);
  });

  test('rejects a DID-like string that is neither a DID nor a handle', () => {
    expect(isAtIdentifier('did:plc')).toBe(false);
    expect(isAtIdentifier('did:')).toBe(false);
  });
});

describe('assertAtIdentifier', () => {
  test('returns for a handle and for a DID', () => {
    expect(() => assertAtIdentifier('alice.test')).not.toThrow();
    expect(() => assertAtIdentifier('did:plc:ewvi7nxzyoun6zhxrhs64oiz')).not.toThrow();
  });

  test('throws a StringFormatError naming the value', () => {
    const error = thrown(() => assertAtIdentifier('@handle'));

    expect(error).toBeInstanceOf(StringFormatError);
    expect(error).toMatchObject({
      message: 'Invalid AT identifier: @handle',
      format: 'at-identifier',
    });
  });
});
