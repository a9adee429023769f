import { describe, expect, test } from '@jest/globals';
import * as v from 'valibot';

import { XrpcValidationError } from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { expectNoSecrets, FAKE_JWT } from '../../_util/no-secrets.js';
import { rejection } from '../../_util/rejection.js';

import type { XrpcValidationIssue } from '../../../runtime/src/errors/index.js';
import type { QueryMethod } from '../../../runtime/src/xrpc/index.js';

const issue: XrpcValidationIssue = {
  path: '$.record.text',
  kind: 'schema',
  type: 'string',
  expected: 'string',
  received: '5',
};

function error(issues: XrpcValidationIssue[]): XrpcValidationError {
  return new XrpcValidationError({
    nsid: 'com.atproto.repo.createRecord',
    target: 'input',
    issues,
  });
}

describe(XrpcValidationError, () => {
  test('names the target, the method, the path and the first issue', () => {
    expect(error([issue]).message).toBe(
      'Invalid input for com.atproto.repo.createRecord at $.record.text: ' +
        'expected string, received 5',
    );
  });

  test('counts the other issues', () => {
    expect(error([issue, issue, issue]).message).toMatch(/received 5 \(and 2 more\)$/);
  });

  test('names the constraint of a validation issue', () => {
    const graphemes: XrpcValidationIssue = {
      path: '$.text',
      kind: 'validation',
      type: 'max_graphemes',
      expected: '<=300',
      received: '301',
    };

    expect(error([graphemes]).message).toMatch(/: expected max graphemes <=300, received 301$/);
  });

  test('says a format or length the runtime checks once', () => {
    const format: XrpcValidationIssue = {
      path: '$.did',
      kind: 'validation',
      type: 'string_format',
      expected: 'did format',
      received: '"x"',
    };

    expect(error([format]).message).toMatch(/: expected did format, received "x"$/);
  });

  test('quotes what it received briefly, without credentials', async () => {
    const getProfile: QueryMethod<{ actor: string }, unknown> = {
      type: 'query',
      nsid: 'app.bsky.actor.getProfile',
      params: v.looseObject({ actor: v.pipe(v.string(), v.regex(/^did:/)) }),
    };
    const client = new XrpcClient({ service: 'http://127.0.0.1:9' });
    const long = 'x'.repeat(100);
    const [jwtError, longError] = (await Promise.all(
      [FAKE_JWT, long].map((actor) => rejection(client.call(getProfile, { params: { actor } }))),
    )) as XrpcValidationError[];

    expect(jwtError?.message).toBe(
      'Invalid params for app.bsky.actor.getProfile at $.actor: expected regex /^did:/, ' +
        'received "[redacted]"',
    );
    expect(longError?.issues[0]?.received).toBe(`"${'x'.repeat(38)}…`);
    expectNoSecrets(jwtError, [FAKE_JWT]);
    expectNoSecrets(longError, [FAKE_JWT]);
  });
});
