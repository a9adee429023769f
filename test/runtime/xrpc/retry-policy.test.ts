import { afterEach, describe, expect, test } from '@jest/globals';

import { XrpcResponseError, XrpcTransportError } from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';
import { expectNoSecrets, FAKE_JWT } from '../../_util/no-secrets.js';
import { rejection } from '../../_util/rejection.js';

import type { ProcedureMethod, QueryMethod, RetryPolicy } from '../../../runtime/src/xrpc/index.js';
import type { LoopbackHandler, LoopbackServer } from '../../_util/loopback-server.js';

const getThing: QueryMethod<Record<string, never>, unknown> = {
  type: 'query',
  nsid: 'com.example.getThing',
  output: { encoding: 'application/json' },
};

const doThing: ProcedureMethod<Record<string, never>, undefined, unknown> = {
  type: 'procedure',
  nsid: 'com.example.doThing',
  output: { encoding: 'application/json' },
};

const RATE_LIMITED = { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' };

let server: LoopbackServer | undefined;

afterEach(() => server?.close());

async function serve(handler: LoopbackHandler, retry?: RetryPolicy): Promise<XrpcClient> {
  server = await startLoopbackServer(handler);

  const headers = { authorization: `Bearer ${FAKE_JWT}` };

  return new XrpcClient({
    service: server.url,
    headers,
    ...(retry === undefined ? {} : { retry }),
  });
}

/** Answers the first `failures` requests with `status` and `headers`, then 200 `{ ok: true }`. */
function failThenSucceed(failures: number, status: number, headers = {}): LoopbackHandler {
  return (_, response, index) => {
    if (index < failures) return sendJson(response, status, RATE_LIMITED, headers);

    return sendJson(response, 200, { ok: true });
  };
}

function gapBetweenHits(): number {
  const [first, second] = server?.requests ?? [];

  return (second?.at ?? Number.NaN) - (first?.at ?? Number.NaN);
}

function hits(): number {
  return server?.requests.length ?? 0;
}

describe('query retries', () => {
  test('retries a 429 after the delay its retry-after seconds ask for', async () => {
    const client = await serve(failThenSucceed(1, 429, { 'retry-after': '1' }));
    const response = await client.call(getThing);

    expect(response.data).toEqual({ ok: true });
    expect(hits()).toBe(2);
    expect(gapBetweenHits()).toBeGreaterThanOrEqual(950);
  });

  test('honours a retry-after HTTP date', async () => {
    const date = new Date(Date.now() + 2000).toUTCString();
    const client = await serve(failThenSucceed(1, 503, { 'retry-after': date }));

    await client.call(getThing);

    expect(hits()).toBe(2);
    expect(gapBetweenHits()).toBeGreaterThanOrEqual(900);
  });

  test('honours a ratelimit-reset epoch time when there is no retry-after', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 2);
    const client = await serve(failThenSucceed(1, 429, { 'ratelimit-reset': reset }));

    await client.call(getThing);

    expect(hits()).toBe(2);
    expect(gapBetweenHits()).toBeGreaterThanOrEqual(900);
  });

  test('caps a server-requested delay at maxDelay', async () => {
    const headers = { 'retry-after': '3600' };
    const client = await serve(failThenSucceed(1, 429, headers), { maxDelay: 50 });

    await client.call(getThing);

    expect(hits()).toBe(2);
    expect(gapBetweenHits()).toBeLessThan(3000);
  });

  test('retries 5xx answers with backoff, then succeeds', async () => {
    const client = await serve(failThenSucceed(2, 500), { maxDelay: 20 });
    const response = await client.call(getThing);

    expect(response.data).toEqual({ ok: true });
    expect(hits()).toBe(3);
  });

  test('gives up after the retry limit with the last error', async () => {
    const client = await serve(failThenSucceed(5, 502), { limit: 1, maxDelay: 20 });
    const call = client.call(getThing);

    await expect(call).rejects.toMatchObject({ status: 502, retryable: true });
    expect(hits()).toBe(2);
  });

  test.each([
    { name: '501', status: 501 },
    { name: '400', status: 400 },
    { name: '401', status: 401 },
  ])('does not retry $name', async ({ status }) => {
    const client = await serve(failThenSucceed(5, status), { maxDelay: 20 });

    await expect(client.call(getThing)).rejects.toMatchObject({ status, retryable: false });
    expect(hits()).toBe(1);
  });

  test('retries a connection the server drops', async () => {
    const client = await serve((_, response, index) => {
      if (index === 0) return void response.socket?.destroy();

      return sendJson(response, 200, { ok: true });
    });
    const response = await client.call(getThing);

    expect(response.data).toEqual({ ok: true });
    expect(hits()).toBe(2);
  });
});

describe('procedure retries', () => {
  test('never retries a 429, and reports its rate limit', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    const headers = {
      'retry-after': '1',
      'ratelimit-limit': '100',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(reset),
      'ratelimit-policy': '100;w=300',
    };
    const client = await serve(failThenSucceed(1, 429, headers));
    const error = await rejection(client.call(doThing));

    expect(hits()).toBe(1);
    expect(error).toBeInstanceOf(XrpcResponseError);
    expect(error).toMatchObject({
      status: 429,
      error: 'RateLimitExceeded',
      retryable: true,
      rateLimit: { limit: 100, remaining: 0, reset: new Date(reset * 1000), policy: '100;w=300' },
    });
    expectNoSecrets(error, [FAKE_JWT]);
  });

  test('never retries a 5xx', async () => {
    const client = await serve(failThenSucceed(1, 503));

    await expect(client.call(doThing)).rejects.toMatchObject({ status: 503 });
    expect(hits()).toBe(1);
  });

  test('never retries a dropped connection', async () => {
    const client = await serve((_, response) => void response.socket?.destroy());
    const error = await rejection(client.call(doThing));

    expect(error).toBeInstanceOf(XrpcTransportError);
    expect(error).toMatchObject({ reason: 'network', retryable: true });
    expect(hits()).toBe(1);
    expectNoSecrets(error, [FAKE_JWT]);
  });
});
