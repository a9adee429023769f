import { describe, expect, test } from '@jest/globals';
import {
  AuthenticationError,
  EmailIdentifierError,
  LexforgeError,
  StringFormatError,
  XrpcTransportError,
  assertDid,
} from '@lexforge/runtime';

import { thrown } from '../../_util/thrown.js';

describe(LexforgeError, () => {
  test('is the one base every family of runtime errors shares', () => {
    const syntax = thrown(() => assertDid('nope'));

    expect(syntax).toBeInstanceOf(StringFormatError);
    expect(syntax).toBeInstanceOf(LexforgeError);
    expect(AuthenticationError.prototype).toBeInstanceOf(LexforgeError);
    expect(EmailIdentifierError.prototype).toBeInstanceOf(LexforgeError);
    expect(XrpcTransportError.prototype).toBeInstanceOf(LexforgeError);
  });
});
