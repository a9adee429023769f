import { describe, expect, test } from '@jest/globals';

import {
  NSID_MAX_LENGTH,
  formatNsid,
  isNsid,
  parseNsid,
} from '../../../runtime/src/syntax/nsid.js';
import { StringFormatError } from '../../../runtime/src/syntax/string-format-error.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';
import { thrown } from '../../_util/thrown.js';

const VALID = readSyntaxVectors('nsid_syntax_valid.txt');

describe('isNsid', () => {
  test.each(VALID)('accepts $name', ({ value }) => {
    expect(isNsid(value)).toBe(true);
  });

  test.each(readSyntaxVectors('nsid_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isNsid(value)).toBe(false);
  });

  test('accepts an NSID of the maximum length and rejects one character more', () => {
    const prefix = `com.${`${'a'.repeat(62)}.`.repeat(4)}`;
    const longest = `${prefix}${'b'.repeat(NSID_MAX_LENGTH - prefix.length)}`;

    expect(longest).toHaveLength(NSID_MAX_LENGTH);
    expect(isNsid(longest)).toBe(true);
    expect(isNsid(`${longest}b`)).toBe(false);
  });
});

describe('parseNsid', () => {
  test('splits authority, name and segments', () => {
    expect(parseNsid('app.bsky.feed.post')).toEqual({
      authority: 'app.bsky.feed',
      name: 'post',
      segments: ['app', 'bsky', 'feed', 'post'],
    });
  });

  test('keeps the case of every part', () => {
    expect(parseNsid('one.two.three.four-and.FiVe')).toMatchObject({
      authority: 'one.two.three.four-and',
      name: 'FiVe',
    });
  });

  test.each(VALID)('round-trips $name through formatNsid', ({ value }) => {
    const parts = parseNsid(value);

    expect(formatNsid(parts)).toBe(value);
    expect(parts.segments.join('.')).toBe(value);
  });

  test('throws a StringFormatError naming the value', () => {
    const error = thrown(() => parseNsid('com.example'));

    expect(error).toBeInstanceOf(StringFormatError);
    expect(error).toMatchObject({ message: 'Invalid NSID: com.example', format: 'nsid' });
  });
});

describe('formatNsid', () => {
  test('joins authority and name', () => {
    expect(formatNsid({ authority: 'com.example', name: 'fooBar' })).toBe('com.example.fooBar');
  });

  test('refuses a name holding a period, which would not parse back', () => {
    expect(thrown(() => formatNsid({ authority: 'com', name: 'example.fooBar' }))).toMatchObject({
      message: 'Invalid NSID: com.example.fooBar',
    });
  });

  test('refuses parts that make no NSID', () => {
    expect(thrown(() => formatNsid({ authority: 'com.example', name: '3' }))).toBeInstanceOf(
      StringFormatError,
    );
    expect(thrown(() => formatNsid({ authority: 'com', name: 'foo' }))).toBeInstanceOf(
      StringFormatError,
    );
  });
});
