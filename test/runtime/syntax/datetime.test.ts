import { describe, expect, test } from '@jest/globals';

import { formatDatetime, isDatetime } from '../../../runtime/src/syntax/datetime.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';
import { thrown } from '../../_util/thrown.js';

const FIRST_TIME_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_TIME_MS = Date.parse('9999-12-31T23:59:59.999Z');

describe('isDatetime', () => {
  test.each(readSyntaxVectors('datetime_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isDatetime(value)).toBe(true);
  });

  test.each(readSyntaxVectors('datetime_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isDatetime(value)).toBe(false);
  });

  test.each(readSyntaxVectors('datetime_parse_invalid.txt'))(
    'rejects the well-shaped but impossible $name',
    ({ value }) => {
      expect(isDatetime(value)).toBe(false);
    },
  );

  test.each([
    { name: 'February 29 of a leap year', value: '2024-02-29T12:00:00Z', valid: true },
    { name: 'February 29 of a 400-year leap year', value: '2000-02-29T12:00:00Z', valid: true },
    { name: 'February 29 of year 0', value: '0000-02-29T00:00:00Z', valid: true },
    { name: 'February 29 of a common year', value: '2023-02-29T12:00:00Z', valid: false },
    { name: 'February 29 of a century year', value: '1900-02-29T12:00:00Z', valid: false },
    { name: 'February 30', value: '2024-02-30T12:00:00Z', valid: false },
    { name: 'April 31', value: '2024-04-31T12:00:00Z', valid: false },
    { name: 'December 31', value: '2024-12-31T12:00:00Z', valid: true },
    { name: 'day 32', value: '2024-01-32T12:00:00Z', valid: false },
    { name: 'hour 24', value: '2024-01-01T24:00:00Z', valid: false },
    { name: 'a leap second', value: '2016-12-31T23:59:60Z', valid: false },
    { name: 'the last second of a day', value: '2016-12-31T23:59:59.999999Z', valid: true },
    { name: 'offset +23:59', value: '2024-01-01T00:00:00+23:59', valid: true },
    { name: 'offset +24:00', value: '2024-01-01T00:00:00+24:00', valid: false },
    { name: 'offset -05:60', value: '2024-01-01T00:00:00-05:60', valid: false },
    { name: 'offset +00:00', value: '2024-01-01T00:00:00+00:00', valid: true },
    { name: 'offset -00:00', value: '2024-01-01T00:00:00-00:00', valid: false },
    { name: 'year 0 start moved exactly to zero', value: '0000-01-01T01:00:00+01:00', valid: true },
    { name: 'year 0 start moved before zero', value: '0000-01-01T00:59:59+01:00', valid: false },
    { name: 'year 0 second day with an offset', value: '0000-01-02T00:00:00+01:00', valid: true },
    {
      name: 'year 0 start with a negative offset',
      value: '0000-01-01T00:00:00-01:00',
      valid: true,
    },
    { name: 'Arabic-Indic digits', value: '١٩٨٥-04-12T23:20:50Z', valid: false },
    { name: 'a trailing newline', value: '1985-04-12T23:20:50Z\n', valid: false },
  ])('decides $name', ({ value, valid }) => {
    expect(isDatetime(value)).toBe(valid);
  });
});

describe('formatDatetime', () => {
  test('writes UTC with millisecond precision', () => {
    expect(formatDatetime(new Date(Date.UTC(1985, 3, 12, 23, 20, 50, 123)))).toBe(
      '1985-04-12T23:20:50.123Z',
    );
  });

  test('writes the current time when given no date', () => {
    const before = Date.now();
    const written = formatDatetime();

    expect(isDatetime(written)).toBe(true);
    expect(Date.parse(written)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(written)).toBeLessThanOrEqual(Date.now());
  });

  test('writes valid datetimes across the whole range of years 0000 to 9999', () => {
    const step = Math.floor((LAST_TIME_MS - FIRST_TIME_MS) / 9_973);
    const times = [FIRST_TIME_MS, 0, LAST_TIME_MS];

    for (let time = FIRST_TIME_MS; time <= LAST_TIME_MS; time += step) {
      times.push(time, time + 86_399_999);
    }

    const rejected = times
      .filter((time) => time <= LAST_TIME_MS)
      .flatMap((time) => {
        const written = formatDatetime(new Date(time));

        return isDatetime(written) && Date.parse(written) === time ? [] : [written];
      });

    expect(times.length).toBeGreaterThan(19_000);
    expect(rejected).toEqual([]);
  });

  test('refuses an invalid date', () => {
    const error = thrown(() => formatDatetime(new Date('not a date')));

    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ message: 'Invalid date: NaN' });
  });

  test.each([
    { name: 'before year 0', time: FIRST_TIME_MS - 1, shown: '-000001-12-31T23:59:59.999Z' },
    { name: 'after year 9999', time: LAST_TIME_MS + 1, shown: '+010000-01-01T00:00:00.000Z' },
  ])('refuses a date $name', ({ time, shown }) => {
    const error = thrown(() => formatDatetime(new Date(time)));

    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ message: `Date out of datetime range: ${shown}` });
  });
});
