import { afterEach, describe, expect, test } from '@jest/globals';

import {
  XrpcResponseError,
  XrpcUnreadableResponseError,
} from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { expectNoSecrets, FAKE_JWT } from '../../_util/no-secrets.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';
import { rejection } from '../../_util/rejection.js';

import type { ProcedureMethod, QueryMethod, XrpcMethod } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackHandler, LoopbackServer } from '../../_util/loopback-server.js';

class ThingNotFoundError extends XrpcResponseError {
  override readonly name = 'ThingNotFoundError';
}

const getThing: QueryMethod<Record<string, never>, unknown> = {
  type: 'query',
  nsid: 'com.example.getThing',
  output: { encoding: 'application/json' },
  errors: { ThingNotFound: ThingNotFoundError },
};

const doThing: ProcedureMethod<Record<string, never>, undefined, unknown> = {
  type: 'procedure',
  nsid: 'com.example.doThing',
  output: { encoding: 'application/json' },
  errors: { ThingNotFound: ThingNotFoundError },
};

let server: LoopbackServer | undefined;

afterEach(() => server?.close());

function answer(status: number, type: string | undefined, body: string): LoopbackHandler {
  return (_, response) => {
    response.writeHead(status, type === undefined ? {} : { 'content-type': type });
    response.end(body);
  };
}

async function failure(
  handler: LoopbackHandler,
  method: XrpcMethod<Record<string, never>, undefined, unknown> = doThing,
): Promise<unknown> {
  server = await startLoopbackServer(handler);

  const headers = { authorization: `Bearer ${FAKE_JWT}` };
  const client = new XrpcClient({ service: server.url, headers, retry: { maxDelay: 10 } });
  const error = await rejection(client.call(method));

  expectNoSecrets(error, [FAKE_JWT]);

  return error;
}

describe(XrpcUnreadableResponseError, () => {
  test('keeps the status and an excerpt of a proxy HTML 502, after retrying', async () => {
    const page = '<html>\n  <body><h1>502 Bad Gateway</h1></body>\n</html>';
    const error = await failure(answer(502, 'text/html', page), getThing);

    expect(error).toBeInstanceOf(XrpcUnreadableResponseError);
    expect(error).toMatchObject({
      status: 502,
      retryable: true,
      excerpt: '<html> <body><h1>502 Bad Gateway</h1></body> </html>',
    });
    expect((error as Error).message).toBe(
      'XRPC response unreadable: com.example.getThing answered 502 with text/html: ' +
        '<html> <body><h1>502 Bad Gateway</h1></body> </html>',
    );
    expect(server?.requests.length).toBe(3);
  });

  test.each([
    { name: 'an empty error body', status: 500, body: '', excerpt: '' },
    {
      name: 'a truncated error body',
      status: 400,
      body: '{"error":"Inval',
      excerpt: '{"error":"Inval',
    },
    {
      name: 'an error body without a name',
      status: 400,
      body: '{"message":"x"}',
      excerpt: '{"message":"x"}',
    },
    { name: 'an empty success body', status: 200, body: '', excerpt: '' },
    {
      name: 'a truncated success body',
      status: 200,
      body: '{"uri":"at://',
      excerpt: '{"uri":"at://',
    },
  ])('reports $name with its status', async ({ status, body, excerpt }) => {
    const error = await failure(answer(status, 'application/json', body));

    expect(error).toBeInstanceOf(XrpcUnreadableResponseError);
    expect(error).toMatchObject({ status, excerpt });
  });

  test('names an empty body in the message', async () => {
    const error = await failure(answer(500, 'application/json', ''));

    expect((error as Error).message).toBe(
      'XRPC response unreadable: com.example.doThing answered 500 with an empty body',
    );
  });

  test('keeps the JSON syntax error as its cause', async () => {
    const error = await failure(answer(200, 'application/json', '{"uri":'));

    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  test('shortens a long body and redacts credentials a page echoes', async () => {
    const page = `<pre>Authorization: Bearer ${FAKE_JWT}\n${'x'.repeat(500)}</pre>`;
    const error = await failure(answer(503, 'text/html', page));

    expect((error as XrpcUnreadableResponseError).excerpt).toHaveLength(120);
    expect((error as XrpcUnreadableResponseError).excerpt).toContain('Bearer [redacted]');
  });
});

describe(XrpcResponseError, () => {
  test('maps a declared error name to its class', async () => {
    const body = { error: 'ThingNotFound', message: 'No such thing' };
    const error = await failure((_, response) => sendJson(response, 404, body));

    expect(error).toBeInstanceOf(ThingNotFoundError);
    expect(error).toMatchObject({
      name: 'ThingNotFoundError',
      status: 404,
      error: 'ThingNotFound',
      errorMessage: 'No such thing',
    });
    expect((error as Error).message).toBe(
      'XRPC request failed: com.example.doThing answered 404 ThingNotFound: No such thing',
    );
  });

  test.each([
    { name: 'an undeclared name', error: 'InvalidRequest' },
    { name: 'a name inherited from Object', error: 'constructor' },
  ])('keeps the base class for $name', async ({ error: name }) => {
    const error = await failure((_, response) => sendJson(response, 400, { error: name }));

    expect(error).toBeInstanceOf(XrpcResponseError);
    expect(error).not.toBeInstanceOf(ThingNotFoundError);
    expect(error).toMatchObject({
      name: 'XrpcResponseError',
      error: name,
      errorMessage: undefined,
    });
  });

  test('reads an XRPC error body sent with a non-JSON content type', async () => {
    const error = await failure(answer(400, 'text/plain', '{"error":"ThingNotFound"}'));

    expect(error).toBeInstanceOf(ThingNotFoundError);
  });

  test('keeps the response headers', async () => {
    const error = await failure((_, response) =>
      sendJson(response, 400, { error: 'InvalidRequest' }, { 'x-request-id': 'abc' }),
    );

    expect((error as XrpcResponseError).headers.get('x-request-id')).toBe('abc');
  });
});
