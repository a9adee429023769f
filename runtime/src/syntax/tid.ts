import { StringFormatError } from './string-format-error.js';

/** The parts of a TID. */
export interface TidParts {
  /** Microseconds since the UNIX epoch, at most 53 bits. */
  readonly timestampUs: number;
  /** The 10-bit identifier of the clock that made the TID, 0 to 1023. */
  readonly clockId: number;
}

/** The largest clock identifier a TID can carry. */
export const TID_MAX_CLOCK_ID = 1023;

// @NOTE: the alphabet is in ASCII order, so TIDs sort as strings exactly as their integers do.
const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const RADIX = 32;

// @NOTE: thirteen base32 digits hold 65 bits, and the first digit carries only the top 4 of the
// 64; the syntax admits first digits up to `j`, even those (`c` to `j`) setting the top bit that
// TIDs keep clear.
const TID_PATTERN = /^[2-7a-j][2-7a-z]{12}$/;

const FIRST_DIGIT_MAX = 7;
const TIMESTAMP_DIGITS = 11;

/**
 * Tests whether `s` has the syntax of a TID (lexicon format `tid`): 13 base32-sortable digits.
 *
 * @example
 * ```ts
 * isTid('3jzfcijpj2z2a'); // true
 * isTid('3JZFCIJPJ2Z2A'); // false: TIDs are lower case
 * ```
 */
export function isTid(s: string): boolean {
  return TID_PATTERN.test(s);
}

function digitAt(s: string, index: number): number {
  const code = s.charCodeAt(index);

  // @NOTE: `2`-`7` are 0-5 and `a`-`z` are 6-31.
  return code <= 0x37 ? code - 0x32 : code - 0x61 + 6;
}

/**
 * Reads the timestamp and clock identifier of a TID.
 *
 * @throws StringFormatError when `s` is not a TID, or sets the top bit (its timestamp would need
 * more than 53 bits)
 * @example
 * ```ts
 * parseTid('3jzfcijpj2z2a'); // { timestampUs: 1688137381887007, clockId: 6 }
 * ```
 */
export function parseTid(s: string): TidParts {
  if (!isTid(s) || digitAt(s, 0) > FIRST_DIGIT_MAX) {
    throw new StringFormatError('tid', s);
  }

  let timestampUs = 0;

  for (let index = 0; index < TIMESTAMP_DIGITS; index += 1) {
    timestampUs = timestampUs * RADIX + digitAt(s, index);
  }

  return { timestampUs, clockId: digitAt(s, 11) * RADIX + digitAt(s, 12) };
}

function checkRange(subject: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${subject} out of range: ${value}`);
  }
}

/**
 * Writes a TID from a timestamp and a clock identifier.
 *
 * @throws RangeError when `timestampUs` is not an integer from 0 to 2^53 - 1 or `clockId` not one
 * from 0 to 1023
 * @example
 * ```ts
 * formatTid(1688137381887007, 6); // '3jzfcijpj2z2a'
 * ```
 */
export function formatTid(timestampUs: number, clockId: number): string {
  checkRange('TID timestamp', timestampUs, Number.MAX_SAFE_INTEGER);
  checkRange('TID clock ID', clockId, TID_MAX_CLOCK_ID);

  let tid = ALPHABET.charAt(Math.floor(clockId / RADIX)) + ALPHABET.charAt(clockId % RADIX);
  let rest = timestampUs;

  for (let index = 0; index < TIMESTAMP_DIGITS; index += 1) {
    tid = ALPHABET.charAt(rest % RADIX) + tid;
    rest = Math.floor(rest / RADIX);
  }

  return tid;
}
