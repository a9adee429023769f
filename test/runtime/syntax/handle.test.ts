import { describe, expect, test } from '@jest/globals';

import {
  HANDLE_MAX_LENGTH,
  assertHandle,
  isHandle,
  normalizeHandle,
} from '../../../runtime/src/syntax/handle.js';
import { StringFormatError } from '../../../runtime/src/syntax/string-format-error.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';
import { thrown } from '../../_util/thrown.js';

describe('isHandle', () => {
  test.each(readSyntaxVectors('handle_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isHandle(value)).toBe(true);
  });

  test.each(readSyntaxVectors('handle_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isHandle(value)).toBe(false);
  });

  test('accepts a handle of the maximum length and rejects one character more', () => {
    const labels = `${'a'.repeat(62)}.`.repeat(4);
    const longest = `${labels}${'b'.repeat(HANDLE_MAX_LENGTH - labels.length)}`;

    expect(longest).toHaveLength(HANDLE_MAX_LENGTH);
    expect(isHandle(longest)).toBe(true);
    expect(isHandle(`c${longest}`)).toBe(false);
  });

  test.each([
    { name: 'handle.invalid', value: 'handle.invalid' },
    { name: 'alice.test', value: 'alice.test' },
    { name: 'name.example', value: 'name.example' },
    { name: 'host.localhost', value: 'host.localhost' },
    { name: 'svc.internal', value: 'svc.internal' },
    { name: 'x.alt', value: 'x.alt' },
  ])('accepts the reserved-TLD handle $name as syntax', ({ value }) => {
    expect(isHandle(value)).toBe(true);
  });

  test('rejects the empty string and a handle followed by a path', () => {
    expect(isHandle('')).toBe(false);
    expect(isHandle('alice.test/path')).toBe(false);
  });
});

describe('assertHandle', () => {
  test('returns for a handle', () => {
    expect(() => assertHandle('alice.bsky.social')).not.toThrow();
  });

  test('throws a StringFormatError naming the value', () => {
    const error = thrown(() => assertHandle('jo@hn.test'));

    expect(error).toBeInstanceOf(StringFormatError);
    expect(error).toMatchObject({ message: 'Invalid handle: jo@hn.test', format: 'handle' });
  });
});

describe('normalizeHandle', () => {
  test('lowercases a handle', () => {
    expect(normalizeHandle('XX.LCS.MIT.EDU')).toBe('xx.lcs.mit.edu');
    expect(normalizeHandle('Alice.Bsky.Social')).toBe('alice.bsky.social');
  });

  test('refuses an invalid handle', () => {
    expect(thrown(() => normalizeHandle('John..Test'))).toMatchObject({
      message: 'Invalid handle: John..Test',
    });
  });

  test('refuses a non-ASCII letter that lowercases to ASCII', () => {
    const kelvin = 'joh\u212a.test';

    expect(kelvin.toLowerCase()).toBe('johk.test');
    expect(() => normalizeHandle(kelvin)).toThrow(StringFormatError);
  });
});
