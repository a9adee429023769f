import { describe, expect, test } from '@jest/globals';

import { RECORD_KEY_MAX_LENGTH, isRecordKey } from '../../../runtime/src/syntax/record-key.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';

describe('isRecordKey', () => {
  test.each(readSyntaxVectors('recordkey_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isRecordKey(value)).toBe(true);
  });

  test.each(readSyntaxVectors('recordkey_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isRecordKey(value)).toBe(false);
  });

  test('accepts the maximum length and rejects one character more', () => {
    expect(isRecordKey('k'.repeat(RECORD_KEY_MAX_LENGTH))).toBe(true);
    expect(isRecordKey('k'.repeat(RECORD_KEY_MAX_LENGTH + 1))).toBe(false);
  });

  test('rejects the empty string and keys made only of dots that are path steps', () => {
    expect(isRecordKey('')).toBe(false);
    expect(isRecordKey('.')).toBe(false);
    expect(isRecordKey('..')).toBe(false);
    expect(isRecordKey('...')).toBe(true);
    expect(isRecordKey('.a')).toBe(true);
  });
});
