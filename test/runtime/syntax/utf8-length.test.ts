import { describe, expect, test } from '@jest/globals';
import { hasUtf8Length, utf8ByteLength } from '@lexforge/runtime';

const samples = [
  { name: 'ASCII', value: 'hello' },
  { name: 'two-byte letters', value: 'café ñ' },
  { name: 'three-byte CJK', value: '東京' },
  { name: 'a surrogate pair', value: 'go 🦋' },
  { name: 'a family emoji', value: '👩‍👩‍👧‍👦' },
  { name: 'a lone high surrogate before a letter', value: 'a\ud83dbc' },
  { name: 'a lone high surrogate before an accented letter', value: 'a\ud83dé' },
  { name: 'a lone low surrogate', value: '\ude00x' },
  { name: 'a high surrogate at the end', value: 'x\ud83d' },
  { name: 'the empty string', value: '' },
];

describe(utf8ByteLength, () => {
  test.each(samples)('counts $name as TextEncoder writes it', ({ value }) => {
    expect(utf8ByteLength(value)).toBe(new TextEncoder().encode(value).length);
  });
});

describe(hasUtf8Length, () => {
  test('compares the byte count, not the number of units, with the bounds', () => {
    expect(hasUtf8Length('東京', 0, 6)).toBe(true);
    expect(hasUtf8Length('東京', 0, 5)).toBe(false);
    expect(hasUtf8Length('é', 2, 2)).toBe(true);
    expect(hasUtf8Length('e', 2, 2)).toBe(false);
  });
});
