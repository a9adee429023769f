import { describe, expect, test } from '@jest/globals';

import { excerpt, redactSecrets } from '../../../runtime/src/errors/redact.js';

const JWT = 'eyJ0eXAiOiJhdCtqd3QifQ.eyJzY29wZSI6ImNvbS5hdHByb3RvLmFjY2VzcyJ9.sig-nature_1';

describe(redactSecrets, () => {
  test.each([
    { name: 'a bare JWT', text: `token=${JWT}`, expected: 'token=[redacted]' },
    { name: 'a Bearer value', text: 'Bearer abc.def', expected: 'Bearer [redacted]' },
    { name: 'a Basic value', text: 'basic YWRtaW46c2VjcmV0', expected: 'basic [redacted]' },
    { name: 'a DPoP value', text: `DPoP ${JWT}, next`, expected: 'DPoP [redacted], next' },
    {
      name: 'ordinary text',
      text: 'Record not found: eyes.only',
      expected: 'Record not found: eyes.only',
    },
  ])('redacts $name', ({ text, expected }) => {
    expect(redactSecrets(text)).toBe(expected);
  });
});

describe(excerpt, () => {
  test('collapses whitespace and cuts at the limit with an ellipsis', () => {
    expect(excerpt('  a\n\n b\tc  ', 10)).toBe('a b c');
    expect(excerpt('abcdefghijkl', 5)).toBe('abcd…');
  });
});
