import { afterEach, describe, expect, test } from '@jest/globals';

import { XrpcTransportError } from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { expectNoSecrets, FAKE_JWT } from '../../_util/no-secrets.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';
import { rejection } from '../../_util/rejection.js';

import type { QueryMethod, XrpcClientOptions } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackHandler, LoopbackServer } from '../../_util/loopback-server.js';

const getThing: QueryMethod<Record<string, never>, unknown> = {
  type: 'query',
  nsid: 'com.example.getThing',
  output: { encoding: 'application/json' },
};

const getFile: QueryMethod<Record<string, never>, Uint8Array> = {
  type: 'query',
  nsid: 'com.example.getFile',
  output: { encoding: '*/*' },
};

let server: LoopbackServer | undefined;

afterEach(() => server?.close());

async function serve(
  handler: LoopbackHandler,
  options: Partial<XrpcClientOptions> = {},
): Promise<XrpcClient> {
  server = await startLoopbackServer(handler);

  const headers = { authorization: `Bearer ${FAKE_JWT}` };

  return new XrpcClient({ service: server.url, headers, ...options });
}

function never(): void {}

describe(XrpcTransportError, () => {
  test('reports a server that does not answer within the timeout', async () => {
    const client = await serve(never, { timeout: 150 });
    const error = await rejection(client.call(getThing));

    expect(error).toBeInstanceOf(XrpcTransportError);
    expect(error).toMatchObject({ reason: 'timeout', retryable: true, nsid: getThing.nsid });
    expect((error as Error).message).toBe(
      'XRPC request failed: com.example.getThing timed out after 150 ms',
    );
    expect(server?.requests.length).toBe(1);
    expectNoSecrets(error, [FAKE_JWT]);
  });

  test('reports a body that stalls after the headers', async () => {
    const client = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write(new Uint8Array([1, 2]));
    });
    const call = client.call(getFile, { timeout: 150 });

    await expect(call).rejects.toMatchObject({ name: 'XrpcTransportError', reason: 'timeout' });
  });

  test('takes the per-call timeout over the client one', async () => {
    const client = await serve(never, { timeout: 60_000 });
    const call = client.call(getThing, { timeout: 100 });

    await expect(call).rejects.toThrow('timed out after 100 ms');
  });

  test('reports an abort through the caller signal, keeping its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const client = await serve(() => controller.abort(reason));
    const error = await rejection(client.call(getThing, { signal: controller.signal }));

    expect(error).toMatchObject({ reason: 'abort', retryable: false, cause: reason });
    expect((error as Error).message).toBe('XRPC request failed: com.example.getThing was aborted');
    expectNoSecrets(error, [FAKE_JWT]);
  });

  test('sends nothing for an already aborted signal', async () => {
    const client = await serve(never);
    const call = client.call(getThing, { signal: AbortSignal.abort() });

    await expect(call).rejects.toMatchObject({ reason: 'abort' });
    expect(server?.requests.length).toBe(0);
  });

  test('stops waiting between retries when aborted', async () => {
    const controller = new AbortController();
    const client = await serve((_, response) => {
      sendJson(response, 503, { error: 'Busy' }, { 'retry-after': '30' });
      setTimeout(() => controller.abort(), 50);
    });
    const call = client.call(getThing, { signal: controller.signal });

    await expect(call).rejects.toMatchObject({ reason: 'abort' });
    expect(server?.requests.length).toBe(1);
  });

  test('reports a refused connection as a network failure naming the origin', async () => {
    const closed = await startLoopbackServer(never);

    await closed.close();

    const client = new XrpcClient({ service: closed.url, retry: { limit: 0 } });
    const error = await rejection(client.call(getThing));

    expect(error).toMatchObject({ reason: 'network', retryable: true });
    expect((error as Error).message).toMatch(
      new RegExp(`^XRPC request failed: com\\.example\\.getThing could not reach ${closed.url}: `),
    );
    expect((error as Error).cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });

  test('reports a body cut off mid-way as a network failure', async () => {
    const client = await serve((_, response) => {
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': '10',
      });
      response.write(new Uint8Array([1, 2]), () => response.socket?.destroy());
    });
    const error = await rejection(client.call(getFile));

    expect(error).toMatchObject({ name: 'XrpcTransportError', reason: 'network' });
    expectNoSecrets(error, [FAKE_JWT]);
  });
});
