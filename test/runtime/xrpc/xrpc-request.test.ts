import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as v from 'valibot';

import {
  ProcedureRequest,
  QueryRequest,
  XrpcClient,
  XrpcResponse,
} from '../../../runtime/src/xrpc/index.js';
import { expectNoSecrets, FAKE_JWT } from '../../_util/no-secrets.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';

import type { ProcedureMethod, QueryMethod } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackServer, ReceivedRequest } from '../../_util/loopback-server.js';

interface SearchParams {
  q: string;
  tags?: string[];
  limit?: number;
}

const searchPosts: QueryMethod<SearchParams, { echo: string }> = {
  type: 'query',
  nsid: 'com.example.searchPosts',
  params: v.looseObject({
    q: v.string(),
    tags: v.exactOptional(v.array(v.string())),
    limit: v.exactOptional(v.pipe(v.number(), v.integer(), v.maxValue(100))),
  }),
  output: { encoding: 'application/json', schema: v.looseObject({ echo: v.string() }) },
};

class SearchPostsRequest extends QueryRequest<SearchParams, { echo: string }> {
  q(value: string): this {
    return this.$param('q', value);
  }

  limit(value: number | undefined): this {
    return this.$param('limit', value);
  }
}

interface PostInput {
  text: string;
  with?: string;
}

const createPost: ProcedureMethod<{ draft?: boolean }, PostInput, { echo: string }> = {
  type: 'procedure',
  nsid: 'com.example.createPost',
  params: v.looseObject({ draft: v.exactOptional(v.boolean()) }),
  input: {
    encoding: 'application/json',
    schema: v.looseObject({ text: v.string(), with: v.exactOptional(v.string()) }),
  },
  output: { encoding: 'application/json', schema: v.looseObject({ echo: v.string() }) },
};

class CreatePostRequest extends ProcedureRequest<{ draft?: boolean }, PostInput, { echo: string }> {
  text(value: string): this {
    return this.$input('text', value);
  }

  with_(value: string): this {
    return this.$input('with', value);
  }
}

const upload: ProcedureMethod<Record<string, never>, Uint8Array, { echo: string }> = {
  type: 'procedure',
  nsid: 'com.example.upload',
  input: { encoding: 'image/*' },
  output: { encoding: 'application/json' },
};

let server: LoopbackServer;
let client: XrpcClient;

function lastRequest(): ReceivedRequest | undefined {
  return server.requests.at(-1);
}

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    sendJson(response, 200, { echo: request.url }, { 'ratelimit-limit': '10', 'x-id': '7' });
  });
  client = new XrpcClient({
    service: server.url,
    headers: { authorization: `Bearer ${FAKE_JWT}` },
  });
});

afterAll(() => server.close());

describe(QueryRequest, () => {
  test('sends the params its setters collected and returns the output', async () => {
    const data = await new SearchPostsRequest(client, searchPosts).q('cats').limit(5).send();

    expect(data).toEqual({ echo: '/xrpc/com.example.searchPosts?q=cats&limit=5' });
  });

  test('sets several params with `with`, undefined removing one', async () => {
    const request = new SearchPostsRequest(client, searchPosts).limit(5);

    request.with({ q: 'dogs', tags: ['a', 'b'], limit: undefined });

    expect(request.toJSON()).toEqual({
      nsid: 'com.example.searchPosts',
      params: { q: 'dogs', tags: ['a', 'b'] },
    });
  });

  test('can be sent again after a change', async () => {
    const request = new SearchPostsRequest(client, searchPosts).q('one');
    const first = await request.send();
    const second = await request.q('two').send();

    expect([first.echo, second.echo]).toEqual([
      '/xrpc/com.example.searchPosts?q=one',
      '/xrpc/com.example.searchPosts?q=two',
    ]);
  });

  test('returns the whole response, serializable', async () => {
    const response = await new SearchPostsRequest(client, searchPosts).q('x').response();

    expect(response).toBeInstanceOf(XrpcResponse);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-id')).toBe('7');
    expect(JSON.parse(JSON.stringify(response))).toMatchObject({
      data: { echo: '/xrpc/com.example.searchPosts?q=x' },
      status: 200,
      headers: { 'x-id': '7', 'content-type': 'application/json' },
    });
  });

  test('passes per-call options through', async () => {
    await new SearchPostsRequest(client, searchPosts).q('x').send({ headers: { 'x-trace': 'on' } });

    expect(lastRequest()?.headers['x-trace']).toBe('on');
  });

  test('refuses invalid params before sending', async () => {
    const before = server.requests.length;
    const send = new SearchPostsRequest(client, searchPosts).q('x').limit(1000).send();

    await expect(send).rejects.toThrow(
      'Invalid params for com.example.searchPosts at $.limit: ' +
        'expected max value <=100, received 1000',
    );
    expect(server.requests.length).toBe(before);
  });

  test('describes its HTTP request with the credentials redacted', async () => {
    const request = new SearchPostsRequest(client, searchPosts).q('x y');
    const description = await request.toRequest();

    expect(description).toEqual({
      method: 'GET',
      url: `${server.url}/xrpc/com.example.searchPosts?q=x+y`,
      headers: { accept: 'application/json', authorization: 'Bearer [redacted]' },
      body: undefined,
    });
    expectNoSecrets(description, [FAKE_JWT]);
    expectNoSecrets(request, [FAKE_JWT]);
  });
});

describe(ProcedureRequest, () => {
  test('sends params and a JSON input, a reserved field name included', async () => {
    const request = new CreatePostRequest(client, createPost).params({ draft: true });

    await request.text('hello').with_('friends').send();

    expect(lastRequest()?.url).toBe('/xrpc/com.example.createPost?draft=true');
    expect(JSON.parse(lastRequest()?.body.toString() ?? '')).toEqual({
      text: 'hello',
      with: 'friends',
    });
    expect(request.toJSON()).toEqual({
      nsid: 'com.example.createPost',
      params: { draft: true },
      input: { text: 'hello', with: 'friends' },
    });
  });

  test('sets several input fields with `with`', async () => {
    const request = new CreatePostRequest(client, createPost).with({ text: 'a', with: 'b' });

    expect(request.toJSON().input).toEqual({ text: 'a', with: 'b' });
  });

  test('describes its body as the JSON text it would send', async () => {
    const description = await new CreatePostRequest(client, createPost).text('hi').toRequest();

    expect(description).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer [redacted]' },
      body: '{"text":"hi"}',
    });
  });

  test('sends a binary body with its encoding', async () => {
    const request = new ProcedureRequest(client, upload).body(new Uint8Array([9, 8]), 'image/png');

    await request.send();

    expect(lastRequest()?.headers['content-type']).toBe('image/png');
    expect([...(lastRequest()?.body ?? [])]).toEqual([9, 8]);
    expect(request.toJSON()).toEqual({ nsid: 'com.example.upload', params: {} });
  });
});
