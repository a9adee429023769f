import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as v from 'valibot';

import { XrpcValidationError } from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';

import type { QueryMethod } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackServer } from '../../_util/loopback-server.js';

interface Params {
  q?: string;
  tags?: string[];
  limit?: number;
  flag?: boolean;
}

const search: QueryMethod<Params, unknown> = {
  type: 'query',
  nsid: 'com.example.search',
  params: v.looseObject({
    q: v.exactOptional(v.string()),
    tags: v.exactOptional(v.array(v.string())),
    limit: v.exactOptional(v.pipe(v.number(), v.integer()), 25),
    flag: v.exactOptional(v.boolean()),
  }),
  output: { encoding: 'application/json' },
};

let server: LoopbackServer;
let client: XrpcClient;

async function rawQuery(params: Params | Record<string, unknown>): Promise<string> {
  const before = server.requests.length;

  await client.call(search, { params: params as Params });

  const target = server.requests[before]?.url ?? '';

  return target.slice(target.indexOf('?') + 1);
}

beforeAll(async () => {
  server = await startLoopbackServer((_, response) => sendJson(response, 200, {}));
  client = new XrpcClient({ service: server.url });
});

afterAll(() => server.close());

describe('query-string serialization', () => {
  test('sends arrays as repeated keys, in order', async () => {
    expect(await rawQuery({ tags: ['b', 'a', 'b'] })).toBe('tags=b&tags=a&tags=b&limit=25');
  });

  test.each([
    { name: 'true', flag: true, expected: 'limit=25&flag=true' },
    { name: 'false', flag: false, expected: 'limit=25&flag=false' },
  ])('sends the boolean $name as a bare word', async ({ flag, expected }) => {
    expect(await rawQuery({ flag })).toBe(expected);
  });

  test('sends integers and schema defaults from the validated params', async () => {
    expect(await rawQuery({ limit: 7 })).toBe('limit=7');
    expect(await rawQuery({})).toBe('limit=25');
  });

  test('leaves out undefined and null values', async () => {
    expect(await rawQuery({ q: undefined, extra: null, limit: 1 })).toBe('limit=1');
  });

  test('percent-encodes Unicode and reserved characters', async () => {
    const q = 'héllo wörld ✓ #&=?+/%';
    const raw = await rawQuery({ q });

    expect(raw).toBe('q=h%C3%A9llo+w%C3%B6rld+%E2%9C%93+%23%26%3D%3F%2B%2F%25&limit=25');
    expect(new URLSearchParams(raw).get('q')).toBe(q);
  });

  test('puts the NSID in a top-level /xrpc/ path whatever the service path', async () => {
    const prefixed = new XrpcClient({ service: `${server.url}/some/prefix/` });
    const before = server.requests.length;

    await prefixed.call(search, { params: { q: 'x' } });

    expect(server.requests[before]?.url).toBe('/xrpc/com.example.search?q=x&limit=25');
  });

  test('refuses an object value before sending', async () => {
    const looseSearch: QueryMethod<Record<string, unknown>, unknown> = {
      type: 'query',
      nsid: 'com.example.search',
    };
    const before = server.requests.length;
    const call = client.call(looseSearch, { params: { filter: { a: 1 } } });

    await expect(call).rejects.toThrow(XrpcValidationError);
    await expect(call).rejects.toThrow(
      'Invalid params for com.example.search at $.filter: ' +
        'expected string | integer | boolean, received object',
    );
    expect(server.requests.length).toBe(before);
  });

  test('refuses params that fail their schema, naming the path', async () => {
    const call = client.call(search, { params: { tags: ['a', 3] } as never });

    await expect(call).rejects.toThrow(
      'Invalid params for com.example.search at $.tags[1]: expected string, received 3',
    );
  });
});
