import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';

import type { QueryMethod, XrpcClientOptions } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackServer, ReceivedRequest } from '../../_util/loopback-server.js';

const getThing: QueryMethod<Record<string, never>, unknown> = {
  type: 'query',
  nsid: 'com.example.getThing',
  output: { encoding: 'application/json' },
};

let server: LoopbackServer;

async function sentWith(
  options: Partial<XrpcClientOptions>,
  headers?: HeadersInit,
): Promise<ReceivedRequest> {
  const client = new XrpcClient({ service: server.url, ...options });

  await client.call(getThing, headers === undefined ? {} : { headers });

  return server.requests.at(-1) as ReceivedRequest;
}

beforeAll(async () => {
  server = await startLoopbackServer((_, response) => sendJson(response, 200, {}));
});

afterAll(() => server.close());

describe('XrpcClientOptions', () => {
  test('sends the proxy and labelers headers', async () => {
    const request = await sentWith({
      proxy: 'did:web:api.bsky.app#bsky_appview',
      labelers: ['did:plc:ar7c4by46qjdydhdevvrndac;redact', 'did:plc:other'],
    });

    expect(request.headers['atproto-proxy']).toBe('did:web:api.bsky.app#bsky_appview');
    expect(request.headers['atproto-accept-labelers']).toBe(
      'did:plc:ar7c4by46qjdydhdevvrndac;redact, did:plc:other',
    );
  });

  test('sends default headers, which a call can override', async () => {
    const options = { headers: { 'x-app': 'lexforge', 'x-mode': 'default' } };
    const request = await sentWith(options, { 'x-mode': 'call' });

    expect(request.headers).toMatchObject({ 'x-app': 'lexforge', 'x-mode': 'call' });
  });

  test('asks for the output encoding', async () => {
    const request = await sentWith({});

    expect(request.headers['accept']).toBe('application/json');
  });

  test.each([
    { name: 'a bare DID', proxy: 'did:web:api.bsky.app' },
    { name: 'a service id alone', proxy: '#bsky_appview' },
  ])('refuses $name as a proxy', ({ proxy }) => {
    expect(() => new XrpcClient({ service: server.url, proxy })).toThrow(
      `Invalid atproto-proxy: ${proxy} (expected did:...#service_id)`,
    );
  });

  test('goes through a custom fetch and observes requests with hooks', async () => {
    const seen: string[] = [];
    const request = await sentWith({
      fetch: async (input, init) => {
        seen.push('fetch');

        return fetch(input, init);
      },
      hooks: { beforeRequest: [({ request: sent }) => void seen.push(sent.method)] },
    });

    expect(request.method).toBe('GET');
    expect(seen).toEqual(['GET', 'fetch']);
  });

  test('exposes a copy of its service URL', () => {
    const client = new XrpcClient({ service: `${server.url}/` });

    client.service.pathname = '/changed';

    expect(client.service.href).toBe(`${server.url}/`);
  });
});
