import { describe, expect, test } from '@jest/globals';

import { StringFormatError } from '../../../runtime/src/syntax/string-format-error.js';
import { TID_MAX_CLOCK_ID, formatTid, isTid, parseTid } from '../../../runtime/src/syntax/tid.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';
import { thrown } from '../../_util/thrown.js';

const VALID = readSyntaxVectors('tid_syntax_valid.txt');

describe('isTid', () => {
  test.each(VALID)('accepts $name', ({ value }) => {
    expect(isTid(value)).toBe(true);
  });

  test.each(readSyntaxVectors('tid_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isTid(value)).toBe(false);
  });
});

describe('parseTid', () => {
  test('reads timestamp and clock identifier', () => {
    expect(parseTid('3jzfcijpj2z2a')).toEqual({ timestampUs: 1688137381887007, clockId: 6 });
    expect(parseTid('2222222222222')).toEqual({ timestampUs: 0, clockId: 0 });
    expect(parseTid('bzzzzzzzzzzzz')).toEqual({
      timestampUs: Number.MAX_SAFE_INTEGER,
      clockId: TID_MAX_CLOCK_ID,
    });
  });

  test.each(VALID)('round-trips $name through formatTid', ({ value }) => {
    const { timestampUs, clockId } = parseTid(value);

    expect(formatTid(timestampUs, clockId)).toBe(value);
  });

  test('refuses a TID that sets the top bit', () => {
    expect(isTid('c222222222222')).toBe(true);
    expect(thrown(() => parseTid('c222222222222'))).toBeInstanceOf(StringFormatError);
    expect(thrown(() => parseTid('jzzzzzzzzzzzz'))).toBeInstanceOf(StringFormatError);
  });

  test('names the value in the error', () => {
    expect(thrown(() => parseTid('3jzf-cij-pj2z-2a'))).toMatchObject({
      message: 'Invalid TID: 3jzf-cij-pj2z-2a',
      format: 'tid',
    });
  });
});

describe('formatTid', () => {
  test('writes the smallest and the largest TID', () => {
    expect(formatTid(0, 0)).toBe('2222222222222');
    expect(formatTid(Number.MAX_SAFE_INTEGER, TID_MAX_CLOCK_ID)).toBe('bzzzzzzzzzzzz');
  });

  test('writes a timestamp of microseconds since the epoch', () => {
    const tid = formatTid(Date.UTC(2024, 0, 1) * 1000, 0);

    expect(isTid(tid)).toBe(true);
    expect(parseTid(tid).timestampUs).toBe(1_704_067_200_000_000);
  });

  test('sorts as strings in the order of timestamp, then clock identifier', () => {
    const tids = [
      formatTid(1, 0),
      formatTid(1, 1),
      formatTid(31, 1023),
      formatTid(32, 0),
      formatTid(2 ** 40, 5),
      formatTid(2 ** 50, 0),
    ];

    expect([...tids].sort()).toEqual(tids);
    expect(new Set(tids).size).toBe(tids.length);
  });

  test.each([
    {
      name: 'a negative timestamp',
      timestampUs: -1,
      clockId: 0,
      message: 'TID timestamp out of range: -1',
    },
    {
      name: 'a timestamp past 53 bits',
      timestampUs: 2 ** 53,
      clockId: 0,
      message: 'TID timestamp out of range: 9007199254740992',
    },
    {
      name: 'a fractional timestamp',
      timestampUs: 1.5,
      clockId: 0,
      message: 'TID timestamp out of range: 1.5',
    },
    {
      name: 'a NaN timestamp',
      timestampUs: Number.NaN,
      clockId: 0,
      message: 'TID timestamp out of range: NaN',
    },
    {
      name: 'a clock identifier past 1023',
      timestampUs: 0,
      clockId: 1024,
      message: 'TID clock ID out of range: 1024',
    },
    {
      name: 'a negative clock identifier',
      timestampUs: 0,
      clockId: -1,
      message: 'TID clock ID out of range: -1',
    },
  ])('refuses $name', ({ timestampUs, clockId, message }) => {
    const error = thrown(() => formatTid(timestampUs, clockId));

    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ message });
  });
});
