import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as v from 'valibot';

import { XrpcValidationError } from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';

import type { ProcedureMethod } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackServer, ReceivedRequest } from '../../_util/loopback-server.js';

type NoParams = Record<string, never>;

interface PostInput {
  text: string;
  langs?: string[];
  // A caller without exactOptionalPropertyTypes may pass `undefined` for an optional field.
  reply?: { parent: string } | undefined;
}

const createPost: ProcedureMethod<NoParams, PostInput, unknown> = {
  type: 'procedure',
  nsid: 'com.example.createPost',
  input: {
    encoding: 'application/json',
    schema: v.looseObject({
      text: v.pipe(v.string(), v.maxLength(10)),
      langs: v.exactOptional(v.array(v.string()), ['en']),
      reply: v.exactOptional(v.looseObject({ parent: v.string() })),
    }),
  },
};

const ping: ProcedureMethod<NoParams, undefined, unknown> = {
  type: 'procedure',
  nsid: 'com.example.ping',
};

function upload(encoding: string): ProcedureMethod<NoParams, Uint8Array, unknown> {
  return { type: 'procedure', nsid: 'com.example.upload', input: { encoding } };
}

let server: LoopbackServer;
let client: XrpcClient;

async function received(send: () => Promise<unknown>): Promise<ReceivedRequest> {
  const before = server.requests.length;

  await send();

  const request = server.requests[before];

  if (request === undefined) throw new Error('Loopback server: no request arrived');

  return request;
}

beforeAll(async () => {
  server = await startLoopbackServer((_, response) => sendJson(response, 200, {}));
  client = new XrpcClient({ service: server.url });
});

afterAll(() => server.close());

describe('procedure bodies', () => {
  test('posts a JSON input as parsed by its schema, undefined fields left out', async () => {
    const input = { text: 'hi', reply: undefined };
    const request = await received(() => client.call(createPost, { input }));

    expect(request.method).toBe('POST');
    expect(request.url).toBe('/xrpc/com.example.createPost');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual({ text: 'hi', langs: ['en'] });
  });

  test('refuses a JSON input that fails a constraint, naming the path', async () => {
    const before = server.requests.length;
    const call = client.call(createPost, { input: { text: 'far too long a text' } });

    await expect(call).rejects.toThrow(XrpcValidationError);
    await expect(call).rejects.toThrow(
      'Invalid input for com.example.createPost at $.text: expected max length <=10, received 19',
    );
    expect(server.requests.length).toBe(before);
  });

  test('posts no body and no content-type when the procedure has no input', async () => {
    const request = await received(() => client.call(ping));

    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBeUndefined();
    expect(request.body.length).toBe(0);
  });

  test.each([
    {
      name: 'the lexicon encoding',
      lexicon: 'image/png',
      body: new Uint8Array([1, 2, 3]),
      encoding: undefined,
      expected: 'image/png',
    },
    {
      name: 'the given encoding',
      lexicon: 'image/*',
      body: new Uint8Array([1, 2, 3]),
      encoding: 'image/webp',
      expected: 'image/webp',
    },
    {
      name: "the Blob's type for */*",
      lexicon: '*/*',
      body: new Blob([new Uint8Array([1, 2, 3])], { type: 'text/csv' }),
      encoding: undefined,
      expected: 'text/csv',
    },
    {
      name: 'application/octet-stream for bytes and */*',
      lexicon: '*/*',
      body: new Uint8Array([1, 2, 3]),
      encoding: undefined,
      expected: 'application/octet-stream',
    },
  ])('posts a binary body with $name', async ({ lexicon, body, encoding, expected }) => {
    const request = await received(() => client.call(upload(lexicon), { body, encoding }));

    expect(request.headers['content-type']).toBe(expected);
    expect([...request.body]).toEqual([1, 2, 3]);
  });

  test('streams a ReadableStream body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([4, 5]));
        controller.enqueue(new Uint8Array([6]));
        controller.close();
      },
    });
    const request = await received(() => client.call(upload('*/*'), { body }));

    expect([...request.body]).toEqual([4, 5, 6]);
  });

  test('refuses a body whose encoding does not match the lexicon', async () => {
    const before = server.requests.length;
    const body = new Uint8Array([1]);
    const call = client.call(upload('image/*'), { body, encoding: 'text/plain' });

    await expect(call).rejects.toThrow(
      'Invalid input for com.example.upload at $: expected encoding image/*, received text/plain',
    );
    expect(server.requests.length).toBe(before);
  });

  test('refuses a binary procedure called without a body', async () => {
    const call = client.call(upload('*/*'));

    await expect(call).rejects.toMatchObject({
      name: 'XrpcValidationError',
      target: 'input',
      issues: [{ path: '$', kind: 'schema', type: 'body', expected: '*/*', received: 'none' }],
    });
  });
});
