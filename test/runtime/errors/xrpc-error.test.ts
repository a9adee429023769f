import { describe, expect, test } from '@jest/globals';

import {
  XrpcError,
  XrpcResponseError,
  XrpcTransportError,
  XrpcUnreadableResponseError,
  XrpcValidationError,
} from '../../../runtime/src/errors/index.js';
import { expectNoSecrets, FAKE_JWT } from '../../_util/no-secrets.js';

const nsid = 'com.example.getThing';
const headers = new Headers({ 'content-type': 'text/html' });

const family = [
  {
    name: 'XrpcResponseError',
    error: new XrpcResponseError({ nsid, status: 503, error: 'Busy', headers }),
    retryable: true,
  },
  {
    name: 'XrpcUnreadableResponseError',
    error: new XrpcUnreadableResponseError({ nsid, status: 404, headers, text: '<p>no</p>' }),
    retryable: false,
  },
  {
    name: 'XrpcTransportError',
    error: new XrpcTransportError({ nsid, reason: 'timeout', origin: 'https://x', timeout: 5 }),
    retryable: true,
  },
  {
    name: 'XrpcValidationError',
    error: new XrpcValidationError({
      nsid,
      target: 'params',
      issues: [{ path: '$', kind: 'schema', type: 'object', expected: 'Object', received: '1' }],
    }),
    retryable: false,
  },
];

describe(XrpcError, () => {
  test.each(family)('is the base of $name, which names itself', ({ name, error, retryable }) => {
    expect(error).toBeInstanceOf(XrpcError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.nsid).toBe(nsid);
    expect(error.retryable).toBe(retryable);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  test.each(family)('$name has no cause unless it wraps one', ({ error }) => {
    expect(Object.hasOwn(error, 'cause')).toBe(false);
  });

  test('keeps the cause it wraps', () => {
    const cause = new TypeError('fetch failed');
    const error = new XrpcTransportError({ nsid, reason: 'network', origin: 'https://x', cause });

    expect(error.cause).toBe(cause);
  });

  test('serializes to JSON without its message or stack', () => {
    const error = new XrpcResponseError({
      nsid,
      status: 400,
      error: 'Bad',
      message: 'why',
      headers,
    });

    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'XrpcResponseError',
      nsid,
      retryable: false,
      status: 400,
      error: 'Bad',
      errorMessage: 'why',
      headers: {},
    });
  });

  test('lets a generated subclass name itself', () => {
    class ProfileNotFoundError extends XrpcResponseError {
      override readonly name = 'ProfileNotFoundError';
    }

    const error = new ProfileNotFoundError({
      nsid,
      status: 400,
      error: 'ProfileNotFound',
      headers,
    });

    expect(error).toBeInstanceOf(XrpcResponseError);
    expect(error.name).toBe('ProfileNotFoundError');
    expect(error.message).toBe(
      'XRPC request failed: com.example.getThing answered 400 ProfileNotFound',
    );
  });

  test('keeps credentials a server echoes out of every view of the error', () => {
    const echoed = `Bad token: Bearer ${FAKE_JWT}`;
    const errors = [
      new XrpcResponseError({ nsid, status: 400, error: 'InvalidToken', message: echoed, headers }),
      new XrpcUnreadableResponseError({ nsid, status: 400, headers, text: echoed }),
    ];

    for (const error of errors) expectNoSecrets(error, [FAKE_JWT]);
    expect(errors[0]?.message).toBe(
      'XRPC request failed: com.example.getThing answered 400 InvalidToken: ' +
        'Bad token: Bearer [redacted]',
    );
  });
});
