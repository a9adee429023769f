/** A lexicon datetime, e.g. `1985-04-12T23:20:50.123Z`. */
export type Datetime = `${string}-${string}-${string}T${string}:${string}:${string}`;

// @NOTE: the intersection of RFC 3339, ISO 8601 and WHATWG HTML the lexicon spec asks for: a
// four-digit year, upper-case `T`, whole seconds, any number of fraction digits, and a mandatory
// `Z` or `±hh:mm` offset (lower-case `z` and `±hhmm` are out).
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const FEBRUARY = 2;
const DIGIT_ZERO = 0x30;
const MINUS = 0x2d;
const PLUS = 0x2b;
const UPPER_Z = 0x5a;

const FIRST_TIME_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST_TIME_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

function readNumber(s: string, start: number, length: number): number {
  let value = 0;

  for (let index = start; index < start + length; index += 1) {
    value = value * 10 + s.charCodeAt(index) - DIGIT_ZERO;
  }

  return value;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function hasValidDate(s: string): boolean {
  const year = readNumber(s, 0, 4);
  const month = readNumber(s, 5, 2);
  const day = readNumber(s, 8, 2);

  if (month < 1 || month > 12 || day < 1) {
    return false;
  }

  const leapDay = month === FEBRUARY && isLeapYear(year) ? 1 : 0;

  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + leapDay;
}

// @NOTE: a leap second (`:60`) is refused although RFC 3339 has it: neither JavaScript's Date nor
// most other parsers can hold it.
function hasValidTime(s: string): boolean {
  return readNumber(s, 11, 2) <= 23 && readNumber(s, 14, 2) <= 59 && readNumber(s, 17, 2) <= 59;
}

function hasValidOffset(s: string): boolean {
  const end = s.length;

  if (s.charCodeAt(end - 1) === UPPER_Z) {
    return true;
  }

  const hours = readNumber(s, end - 5, 2);
  const minutes = readNumber(s, end - 2, 2);
  const negativeZero = s.charCodeAt(end - 6) === MINUS && hours === 0 && minutes === 0;

  return hours <= 23 && minutes <= 59 && !negativeZero;
}

// @NOTE: year 0000 is allowed, but not a local time on its first day that a positive offset moves
// to before 0000-01-01T00:00Z: the lexicon spec forbids datetimes before year zero.
function isBeforeYearZero(s: string): boolean {
  const end = s.length;

  if (!s.startsWith('0000-01-01') || s.charCodeAt(end - 6) !== PLUS) {
    return false;
  }

  const localMinutes = readNumber(s, 11, 2) * 60 + readNumber(s, 14, 2);

  return localMinutes < readNumber(s, end - 5, 2) * 60 + readNumber(s, end - 2, 2);
}

/**
 * Tests whether `s` is a lexicon datetime: the strict RFC 3339 profile of the lexicon spec, with a
 * real calendar date and time of day, a mandatory timezone and no time before year zero.
 *
 * @example
 * ```ts
 * isDatetime('1985-04-12T23:20:50.123Z'); // true
 * isDatetime('1985-04-12T23:20:50.123'); // false: no timezone
 * isDatetime('1985-02-30T00:00:00Z'); // false: no such day
 * ```
 */
export function isDatetime(s: string): s is Datetime {
  return (
    DATETIME_PATTERN.test(s) &&
    hasValidDate(s) &&
    hasValidTime(s) &&
    hasValidOffset(s) &&
    !isBeforeYearZero(s)
  );
}

/**
 * Writes a date as a lexicon datetime in UTC with millisecond precision, the preferred form.
 *
 * @param date - the instant to write; now when omitted
 * @throws RangeError when the date is invalid or outside years 0000 to 9999
 * @example
 * ```ts
 * formatDatetime(new Date(Date.UTC(1985, 3, 12, 23, 20, 50, 123))); // '1985-04-12T23:20:50.123Z'
 * ```
 */
export function formatDatetime(date: Date = new Date()): Datetime {
  const time = date.getTime();

  if (Number.isNaN(time)) {
    throw new RangeError(`Invalid date: ${time}`);
  }

  if (time < FIRST_TIME_MS || time > LAST_TIME_MS) {
    throw new RangeError(`Date out of datetime range: ${date.toISOString()}`);
  }

  return date.toISOString() as Datetime;
}
