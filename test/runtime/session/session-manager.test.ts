import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';

import { XrpcResponseError, XrpcTransportError } from '../../../runtime/src/errors/index.js';
import * as getSession from '../../../runtime/src/lexicons/com/atproto/server/getSession.js';
import {
  AtpClient,
  AuthFactorTokenRequiredError,
  AuthenticationError,
  NotAuthenticatedError,
  SessionDidMismatchError,
} from '../../../runtime/src/session/index.js';
import { uploadBlob } from '../../_util/atproto-methods.js';
import { sendJson } from '../../_util/loopback-server.js';
import { expectNoSecrets } from '../../_util/no-secrets.js';
import { FAKE_DID, FAKE_HANDLE, FAKE_PASSWORD, fakeJwt, startFakePds } from './fake-pds.js';
import { setClock } from './session-fixtures.js';

import type { AtpClientOptions, AtpSessionData } from '../../../runtime/src/session/index.js';
import type { FakePds, FakeRoute } from './fake-pds.js';
import type { RecordedEvent } from './session-fixtures.js';

const REFRESH = 'com.atproto.server.refreshSession';
const CREATE = 'com.atproto.server.createSession';
const GET = getSession.NSID;

let pds: FakePds;
let events: RecordedEvent[];

async function fakeClient(
  routes: Record<string, FakeRoute> = {},
  options: Partial<AtpClientOptions> = {},
): Promise<AtpClient> {
  pds = await startFakePds(routes);

  const client = new AtpClient({
    service: pds.url,
    retry: { limit: 0 },
    onSessionChange: (event, session) => void events.push({ event, session }),
    ...options,
  });

  await client.authenticate(FAKE_HANDLE, FAKE_PASSWORD, pds.session());

  return client;
}

function answerWith(status: number, body: object): FakeRoute {
  return (_request, response) => sendJson(response, status, body);
}

function eventNames(): string[] {
  return events.map(({ event }) => event);
}

beforeEach(() => {
  events = [];
});

afterEach(async () => {
  jest.useRealTimers();
  await pds.close();
});

describe('AtpClient session during use', () => {
  test('refreshes once and replays a call refused with ExpiredToken', async () => {
    const client = await fakeClient();

    pds.accessExpired = true;

    const { data } = await client.call(getSession.method);

    expect(data.did).toBe(FAKE_DID);
    expect(pds.nsids()).toEqual([GET, REFRESH, GET]);
    expect(eventNames()).toEqual(['update']);
    expect(client.authenticated()).toEqual(pds.session(1));
  });

  test('refreshes once and replays a call refused with any 401', async () => {
    let refused = false;
    const client = await fakeClient({
      [GET]: (request, response, server) => {
        if (refused) return server.answer(request, response);

        refused = true;
        sendJson(response, 401, { error: 'InvalidAuthorization' });
      },
    });

    await client.call(getSession.method);

    expect(pds.nsids()).toEqual([GET, REFRESH, GET]);
  });

  test('replays at most once and hands the second refusal to the caller', async () => {
    const client = await fakeClient({ [GET]: answerWith(400, { error: 'ExpiredToken' }) });
    const error = await client.call(getSession.method).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(XrpcResponseError);
    expect(error).toMatchObject({ nsid: GET, error: 'ExpiredToken' });
    expect(pds.nsids()).toEqual([GET, REFRESH, GET]);
  });

  test('shares one refresh between concurrent calls refused at different times', async () => {
    let answered = 0;
    const client = await fakeClient({
      [GET]: (request, response, server) => {
        const delay = (answered += 1) % 5 === 0 ? 40 : answered % 7;

        setTimeout(() => server.answer(request, response), delay);
      },
    });

    pds.accessExpired = true;

    const results = await Promise.all(
      Array.from({ length: 50 }, () => client.call(getSession.method)),
    );

    expect(results.every(({ data }) => data.did === FAKE_DID)).toBe(true);
    expect(pds.nsids().filter((nsid) => nsid === REFRESH)).toHaveLength(1);
    expect(eventNames()).toEqual(['update']);
  });

  test('neither refreshes nor replays a call whose body is a stream', async () => {
    const client = await fakeClient();

    pds.accessExpired = true;

    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new Uint8Array([1, 2, 3]));
        controller.close();
      },
    });
    const error = await client.call(uploadBlob, { body }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ error: 'ExpiredToken' });
    expect(pds.nsids()).toEqual([uploadBlob.nsid]);
  });

  test('keeps the session and fails the call when the refresh answers 503', async () => {
    const client = await fakeClient({ [REFRESH]: answerWith(503, { error: 'Unavailable' }) });
    const before = client.authenticated();

    pds.accessExpired = true;

    const error = await client.call(getSession.method).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(XrpcResponseError);
    expect(error).toMatchObject({ nsid: REFRESH, status: 503, retryable: true });
    expect(eventNames()).toEqual(['network-error']);
    expect(events[0]?.session).toEqual(before);
    expect(client.authenticated()).toEqual(before);
  });

  test('keeps the session and fails the call when the refresh loses its connection', async () => {
    const client = await fakeClient({
      [REFRESH]: (_request, response) => void response.socket?.destroy(),
    });
    const before = client.authenticated();

    pds.accessExpired = true;

    const error = await client.call(getSession.method).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(XrpcTransportError);
    expect(error).toMatchObject({ nsid: REFRESH, reason: 'network' });
    expect(eventNames()).toEqual(['network-error']);
    expect(client.authenticated()).toEqual(before);
    expectNoSecrets(error, [before.accessJwt, before.refreshJwt, FAKE_PASSWORD]);
  });

  test('refuses a refresh that answers for another DID and keeps the session', async () => {
    const other = 'did:plc:otherotherotherotherothe';
    const client = await fakeClient({
      [REFRESH]: (_request, response, server) =>
        sendJson(response, 200, { ...server.session(7), did: other }),
    });
    const before = client.authenticated();

    pds.accessExpired = true;

    const error = await client.call(getSession.method).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionDidMismatchError);
    expect(error).toMatchObject({ expected: FAKE_DID, received: other });
    expect((error as Error).message).toBe(
      `Session DID mismatch: refresh of ${FAKE_DID} answered ${other}`,
    );
    expect(client.authenticated()).toEqual(before);
    expect(eventNames()).toEqual([]);
  });

  test('logs in again once when the server revokes the refresh token', async () => {
    const client = await fakeClient();

    pds.generation = 3;

    const { data } = await client.call(getSession.method);

    expect(data.did).toBe(FAKE_DID);
    expect(pds.nsids()).toEqual([GET, REFRESH, CREATE, GET]);
    expect(eventNames()).toEqual(['expired', 'create']);
    expect(client.authenticated()).toEqual(pds.session(4));
  });

  test('ends the session when the refresh token is revoked and no password was given', async () => {
    pds = await startFakePds();

    const client = new AtpClient({
      service: pds.url,
      onSessionChange: (event, session) => void events.push({ event, session }),
    });

    await client.authenticate(FAKE_HANDLE, undefined, pds.session());
    pds.generation = 3;

    const error = await client.call(getSession.method).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      attempts: [
        { step: 'refresh', reason: '400 ExpiredToken: Token has been revoked' },
        { step: 'credentials', reason: 'no password given' },
      ],
    });
    expect(eventNames()).toEqual(['expired']);
    expect(() => client.authenticated()).toThrow(NotAuthenticatedError);

    await client.call(getSession.method).catch(() => undefined);

    expect(pds.nsids()).toEqual([GET, REFRESH, GET]);
  });

  test('renews an access token that expires within the margin before sending', async () => {
    const client = await fakeClient();

    setClock(Date.now() + (7200 - 59) * 1000);
    await client.call(getSession.method);
    await client.call(getSession.method);

    expect(pds.nsids()).toEqual([REFRESH, GET, GET]);
    expect(eventNames()).toEqual(['update']);
  });

  test('sends a token still valid when its early renewal fails on the server', async () => {
    const client = await fakeClient({ [REFRESH]: answerWith(502, { error: 'UpstreamFailure' }) });

    setClock(Date.now() + (7200 - 59) * 1000);

    const { data } = await client.call(getSession.method);

    expect(data.did).toBe(FAKE_DID);
    expect(pds.nsids()).toEqual([REFRESH, GET]);
    expect(eventNames()).toEqual(['network-error']);
  });

  test('fails the call when the early renewal fails and the token has expired', async () => {
    const client = await fakeClient({ [REFRESH]: answerWith(502, { error: 'UpstreamFailure' }) });

    setClock(Date.now() + 7201 * 1000);

    const error = await client.call(getSession.method).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ nsid: REFRESH, status: 502 });
    expect(pds.nsids()).toEqual([REFRESH]);
    expect(client.authenticated().did).toBe(FAKE_DID);
  });

  test('leaves a call its own authorization header, replay included', async () => {
    const client = await fakeClient();
    const headers = { authorization: `Bearer ${fakeJwt({ jti: 'g99' })}` };
    const error = await client.call(getSession.method, { headers }).catch((e: unknown) => e);
    const sent = pds.server.requests.map((request) => request.headers.authorization);

    expect(error).toMatchObject({ error: 'ExpiredToken' });
    expect(pds.nsids()).toEqual([GET, REFRESH, GET]);
    expect([sent[0], sent[2]]).toEqual([headers.authorization, headers.authorization]);
  });

  test('completes the change when the change handler throws', async () => {
    const client = await fakeClient(
      {},
      {
        onSessionChange: () => {
          throw new Error('Handler failed: on purpose');
        },
      },
    );

    pds.accessExpired = true;

    await expect(client.call(getSession.method)).resolves.toMatchObject({ status: 200 });
    expect(client.authenticated()).toEqual(pds.session(1));
  });

  test('exposes the account status and keeps using a deactivated session', async () => {
    const deactivated = { active: false, status: 'deactivated' };
    const client = await fakeClient({
      [REFRESH]: (_request, response, server) => {
        server.generation += 1;
        server.accessExpired = false;
        sendJson(response, 200, { ...server.session(), ...deactivated });
      },
    });

    pds.accessExpired = true;
    await client.call(getSession.method).catch(() => undefined);
    await client.call(getSession.method);

    expect(client.authenticated()).toMatchObject(deactivated);
    expect(pds.nsids()).toEqual([GET, REFRESH, GET, GET]);
  });

  test('follows the DID document to the PDS and back when it turns malformed', async () => {
    const other = await startFakePds();
    const didDoc = (endpoint: string) => ({
      id: FAKE_DID,
      service: [
        { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: endpoint },
      ],
    });
    const client = await fakeClient({
      [REFRESH]: (_request, response, server) => {
        server.generation += 1;
        sendJson(response, 200, { ...server.session(), didDoc: didDoc('http://pds.example') });
      },
    });

    try {
      await client.authenticate(FAKE_HANDLE, undefined, {
        ...pds.session(),
        didDoc: didDoc(other.url),
      });

      expect(client.service.origin).toBe(other.url);

      other.session(0);
      await client.call(getSession.method);
      other.accessExpired = true;
      await client.call(getSession.method).catch(() => undefined);

      expect(client.service.origin).toBe(pds.url);

      await client.call(getSession.method);

      expect(other.nsids()).toEqual([GET, GET, GET]);
      expect(pds.nsids()).toEqual([REFRESH, GET]);
    } finally {
      await other.close();
    }
  });
});

describe('AtpClient.authenticate with a fake PDS', () => {
  test('surfaces AuthFactorTokenRequired as its own error, and sends the token when given', async () => {
    pds = await startFakePds({
      [CREATE]: (request, response, server) => {
        const input = JSON.parse(request.body.toString('utf8')) as { authFactorToken?: string };

        if (input.authFactorToken === 'CODE-123') return server.answer(request, response);

        sendJson(response, 401, {
          error: 'AuthFactorTokenRequired',
          message: 'A sign in code has been sent',
        });
      },
    });

    const client = new AtpClient({ service: pds.url });
    const error = await client.authenticate(FAKE_HANDLE, FAKE_PASSWORD).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthFactorTokenRequiredError);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      name: 'AuthFactorTokenRequiredError',
      attempts: [
        { step: 'access', reason: 'no saved session' },
        { step: 'refresh', reason: 'no saved session' },
        {
          step: 'credentials',
          reason: '401 AuthFactorTokenRequired: A sign in code has been sent',
        },
      ],
    });
    expectNoSecrets(error, [FAKE_PASSWORD]);

    const session = await client.authenticate(FAKE_HANDLE, FAKE_PASSWORD, undefined, {
      authFactorToken: 'CODE-123',
    });

    expect(session.did).toBe(FAKE_DID);
  });

  test('logs in again with allowTakendown but without the spent auth factor token', async () => {
    const inputs: unknown[] = [];

    pds = await startFakePds({
      [CREATE]: (request, response, server) => {
        inputs.push(JSON.parse(request.body.toString('utf8')));
        server.answer(request, response);
      },
    });

    const client = new AtpClient({ service: pds.url });
    const options = { authFactorToken: 'CODE-123', allowTakendown: true };

    await client.authenticate(FAKE_HANDLE, FAKE_PASSWORD, pds.session(), options);
    pds.generation = 5;
    await client.call(getSession.method);

    expect(pds.nsids()).toEqual([GET, REFRESH, CREATE, GET]);
    expect(inputs).toEqual([
      { identifier: FAKE_HANDLE, password: FAKE_PASSWORD, allowTakendown: true },
    ]);
  });

  test('records a saved session with an unreadable access token', async () => {
    pds = await startFakePds();

    const client = new AtpClient({ service: pds.url });
    const saved = { ...pds.session(), accessJwt: 'not-a-jwt' };

    await client.authenticate(FAKE_HANDLE, undefined, saved);

    expect(pds.nsids()).toEqual([REFRESH]);
  });

  test('skips the refresh when the saved refresh token has expired', async () => {
    pds = await startFakePds();

    const expired = fakeJwt({ sub: FAKE_DID, exp: Math.floor(Date.now() / 1000) - 10 });
    const client = new AtpClient({ service: pds.url });
    const saved: AtpSessionData = { ...pds.session(), accessJwt: expired, refreshJwt: expired };
    const error = await client.authenticate(FAKE_HANDLE, undefined, saved).catch((e: unknown) => e);

    expect(error).toMatchObject({
      attempts: [
        { step: 'access', reason: 'access token expired' },
        { step: 'refresh', reason: 'refresh token expired' },
        { step: 'credentials', reason: 'no password given' },
      ],
    });
    expect(pds.nsids()).toEqual([]);
  });
});

describe('AtpClient.logout with a fake PDS', () => {
  test('tolerates a server error and ends the session', async () => {
    const client = await fakeClient({
      'com.atproto.server.deleteSession': answerWith(500, { error: 'InternalServerError' }),
    });

    await client.logout();

    expect(eventNames()).toEqual(['logout']);
    expect(() => client.authenticated()).toThrow(NotAuthenticatedError);
  });

  test('keeps the session when the server cannot be reached', async () => {
    const client = await fakeClient({
      'com.atproto.server.deleteSession': (_request, response) => void response.socket?.destroy(),
    });

    await expect(client.logout()).rejects.toThrow(XrpcTransportError);
    expect(client.authenticated().did).toBe(FAKE_DID);
    expect(eventNames()).toEqual([]);
  });
});
