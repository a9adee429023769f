import { describe, expect, test } from '@jest/globals';

import { isLanguage } from '../../../runtime/src/syntax/language.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';

describe('isLanguage', () => {
  test.each(readSyntaxVectors('language_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isLanguage(value)).toBe(true);
  });

  test.each(readSyntaxVectors('language_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isLanguage(value)).toBe(false);
  });

  // Repeated variants and singletons make a tag well-formed but not valid; the lexicon format
  // asks only for well-formed.
  test.each(readSyntaxVectors('language_parse_invalid.txt'))(
    'accepts the well-formed but not valid $name',
    ({ value }) => {
      expect(isLanguage(value)).toBe(true);
    },
  );

  test.each([
    { name: 'en-gb', value: 'en-gb', valid: true },
    { name: 'zh-min-nan', value: 'zh-min-nan', valid: true },
    { name: 'en-GB-oed', value: 'en-GB-oed', valid: true },
    { name: 'x-private', value: 'x-private', valid: true },
    {
      name: 'en-Latn-US-valencia-u-ca-gregory-x-a',
      value: 'en-Latn-US-valencia-u-ca-gregory-x-a',
      valid: true,
    },
    { name: 'EN', value: 'EN', valid: false },
    { name: 'en-x', value: 'en-x', valid: false },
    { name: 'en-a', value: 'en-a', valid: false },
    { name: 'en-a-x', value: 'en-a-x', valid: false },
    { name: 'en-US-x-waytoolongsubtag', value: 'en-US-x-waytoolongsubtag', valid: false },
    { name: 'i-unknown', value: 'i-unknown', valid: false },
    { name: 'en_US', value: 'en_US', valid: false },
    { name: 'en-', value: 'en-', valid: false },
    { name: 'an empty string', value: '', valid: false },
  ])('decides $name', ({ value, valid }) => {
    expect(isLanguage(value)).toBe(valid);
  });
});
