import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as v from 'valibot';

import { XrpcValidationError } from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';
import { expectNoSecrets, FAKE_JWT } from '../../_util/no-secrets.js';
import { rejection } from '../../_util/rejection.js';

import type { QueryMethod, ValidationMode } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackServer } from '../../_util/loopback-server.js';

interface Profile {
  did: string;
  handle: string;
  displayName?: string;
  labels: string[];
}

const getProfile: QueryMethod<{ body: string }, Profile> = {
  type: 'query',
  nsid: 'com.example.getProfile',
  params: v.looseObject({ body: v.string() }),
  output: {
    encoding: 'application/json',
    schema: v.looseObject({
      did: v.pipe(v.string(), v.regex(/^did:/)),
      handle: v.string(),
      displayName: v.exactOptional(v.pipe(v.string(), v.maxLength(8))),
      labels: v.exactOptional(v.array(v.string()), []),
    }),
  },
};

const bodies = {
  valid: { did: 'did:plc:abc', handle: 'alice.test' },
  constraintBroken: { did: 'plc:abc', handle: 'alice.test', displayName: 'A very long name' },
  typeBroken: { did: 'did:plc:abc', handle: 42 },
  keyMissing: { did: 'did:plc:abc' },
};

let server: LoopbackServer;

function clientWith(validate?: ValidationMode): XrpcClient {
  const headers = { authorization: `Bearer ${FAKE_JWT}` };

  return new XrpcClient({ service: server.url, headers, ...(validate ? { validate } : {}) });
}

function profile(body: keyof typeof bodies, client: XrpcClient, validate?: ValidationMode) {
  const options = validate === undefined ? {} : { validate };

  return client.call(getProfile, { params: { body }, ...options });
}

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    const name = new URL(request.url, server.url).searchParams.get('body') ?? '';

    sendJson(response, 200, bodies[name as keyof typeof bodies]);
  });
});

afterAll(() => server.close());

describe('output casting', () => {
  test('returns the parsed output, schema defaults applied', async () => {
    const { data } = await profile('valid', clientWith());

    expect(data).toEqual({ did: 'did:plc:abc', handle: 'alice.test', labels: [] });
  });

  test('tolerates constraint issues by default (lenient)', async () => {
    const { data } = await profile('constraintBroken', clientWith());

    expect(data).toMatchObject({ did: 'plc:abc', displayName: 'A very long name', labels: [] });
  });

  test.each([
    {
      name: 'a wrong type',
      body: 'typeBroken' as const,
      message:
        'Invalid output for com.example.getProfile at $.handle: expected string, received 42',
    },
    {
      name: 'a missing key',
      body: 'keyMissing' as const,
      message: 'Invalid output for com.example.getProfile at $.handle: required key missing',
    },
  ])('refuses $name even when lenient', async ({ body, message }) => {
    const error = await rejection(profile(body, clientWith()));

    expect(error).toBeInstanceOf(XrpcValidationError);
    expect(error).toMatchObject({ target: 'output', nsid: getProfile.nsid, body: bodies[body] });
    expect((error as Error).message).toBe(message);
    expectNoSecrets(error, [FAKE_JWT]);
  });

  test('refuses constraint issues when strict, listing every issue', async () => {
    const error = await rejection(profile('constraintBroken', clientWith('strict')));

    expect((error as Error).message).toBe(
      'Invalid output for com.example.getProfile at $.did: expected regex /^did:/, ' +
        'received "plc:abc" (and 1 more)',
    );
    expect((error as XrpcValidationError).issues).toEqual([
      {
        path: '$.did',
        kind: 'validation',
        type: 'regex',
        expected: '/^did:/',
        received: '"plc:abc"',
      },
      {
        path: '$.displayName',
        kind: 'validation',
        type: 'max_length',
        expected: '<=8',
        received: '16',
      },
    ]);
  });

  test('returns the JSON unchecked when off', async () => {
    const { data } = await profile('typeBroken', clientWith('off'));

    expect(data).toEqual(bodies.typeBroken);
  });

  test('lets a call override the client mode', async () => {
    const strict = clientWith('strict');
    const { data } = await profile('constraintBroken', strict, 'lenient');

    expect(data.displayName).toBe('A very long name');
    await expect(profile('constraintBroken', clientWith(), 'strict')).rejects.toThrow(
      XrpcValidationError,
    );
  });

  test('keeps the refused body out of enumerable properties', async () => {
    const error = await rejection(profile('typeBroken', clientWith()));

    expect(Object.keys(error as object)).not.toContain('body');
    expect(JSON.stringify(error)).not.toContain('did:plc:abc');
    expect((error as XrpcValidationError).body).toEqual(bodies.typeBroken);
  });
});
