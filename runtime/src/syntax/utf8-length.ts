const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The length of a string in UTF-8 bytes, as `TextEncoder` would write it, without encoding it.
 *
 * @example
 * utf8ByteLength('é'); // 2
 * utf8ByteLength('🦋'); // 4
 */
export function utf8ByteLength(value: string): number {
  let bytes = 0;

  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);

    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && isLowSurrogate(value.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    }
    // other units, lone surrogates included (encoders write them as U+FFFD), take 3
    else bytes += 3;
  }

  return bytes;
}

/**
 * Whether a string's length in UTF-8 bytes lies within `min` and `max`, counting only when the
 * number of UTF-16 units leaves it in doubt.
 */
export function hasUtf8Length(value: string, min: number, max: number): boolean {
  // UTF-8 takes 1 to 3 bytes per UTF-16 unit (4 per surrogate pair)
  if (value.length >= min && value.length * 3 <= max) return true;

  const bytes = utf8ByteLength(value);

  return bytes >= min && bytes <= max;
}
