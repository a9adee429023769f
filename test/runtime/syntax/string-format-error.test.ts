import { describe, expect, test } from '@jest/globals';

import { StringFormatError } from '../../../runtime/src/syntax/string-format-error.js';

describe('StringFormatError', () => {
  test('names the subject and the value in its message', () => {
    const error = new StringFormatError('record-key', 'a b');

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StringFormatError');
    expect(error.message).toBe('Invalid record key: a b');
    expect(error.format).toBe('record-key');
    expect(error.value).toBe('a b');
  });

  test('shows a bounded prefix of a long value and keeps all of it on the error', () => {
    const value = `at://alice.test/${'x'.repeat(8200)}`;
    const error = new StringFormatError('at-uri', value);

    expect(error.message).toBe(`Invalid AT URI: ${value.slice(0, 100)}…`);
    expect(error.value).toBe(value);
  });

  test.each([
    { format: 'at-identifier', message: 'Invalid AT identifier: v' },
    { format: 'cid', message: 'Invalid CID: v' },
    { format: 'datetime', message: 'Invalid datetime: v' },
    { format: 'language', message: 'Invalid language tag: v' },
    { format: 'nsid', message: 'Invalid NSID: v' },
    { format: 'uri', message: 'Invalid URI: v' },
  ] as const)('words the $format subject', ({ format, message }) => {
    expect(new StringFormatError(format, 'v').message).toBe(message);
  });
});
