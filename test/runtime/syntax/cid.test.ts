import { describe, expect, test } from '@jest/globals';

import { isCid } from '../../../runtime/src/syntax/cid.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';

describe('isCid', () => {
  test.each(readSyntaxVectors('cid_syntax_valid.txt'))('accepts $name', ({ value }) => {
    expect(isCid(value)).toBe(true);
  });

  test.each(readSyntaxVectors('cid_syntax_invalid.txt'))('rejects $name', ({ value }) => {
    expect(isCid(value)).toBe(false);
  });

  test.each([
    {
      name: 'a record CID',
      value: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a',
      valid: true,
    },
    {
      name: 'a blob CID',
      value: 'bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy',
      valid: true,
    },
    {
      name: 'upper-case base32',
      value: 'BAFYREIDFAYVFUWQA7QLNOPDJIQRXZS6BLMOEU4RUJCJTNCI5BELUDIRZ2A',
      valid: true,
    },
    {
      name: 'base32 with a digit outside its alphabet',
      value: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz1a',
      valid: false,
    },
    {
      name: 'base32 in mixed case',
      value: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirZ2a',
      valid: false,
    },
    {
      name: 'base16 with a non-hex letter',
      value: 'f01701220c3c4733ec8affd06cf9e9ff50ffc6bcd2ec85a6170004bb709669c31de94391g',
      valid: false,
    },
    {
      name: 'base58 with a zero',
      value: 'zdj7WWeQ43G6JJvLWQWZpyHuAMq6uYWRjkBXFad11vE2LHhQ0',
      valid: false,
    },
    {
      name: 'an unknown multibase prefix',
      value: 'qafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a',
      valid: false,
    },
    { name: '7 characters', value: 'bafyrei', valid: false },
    { name: '8 characters', value: 'bafyreia', valid: true },
    { name: '256 characters', value: `b${'a'.repeat(255)}`, valid: true },
    { name: '257 characters', value: `b${'a'.repeat(256)}`, valid: false },
  ])('decides $name', ({ value, valid }) => {
    expect(isCid(value)).toBe(valid);
  });
});
