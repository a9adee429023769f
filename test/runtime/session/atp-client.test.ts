import { inspect } from 'node:util';

import { beforeAll, describe, expect, test } from '@jest/globals';

import * as createSession from '../../../runtime/src/lexicons/com/atproto/server/createSession.js';
import * as deleteSession from '../../../runtime/src/lexicons/com/atproto/server/deleteSession.js';
import * as getSession from '../../../runtime/src/lexicons/com/atproto/server/getSession.js';
import * as refreshSession from '../../../runtime/src/lexicons/com/atproto/server/refreshSession.js';
import {
  AtpClient,
  AuthenticationError,
  MemoryStore,
  NotAuthenticatedError,
} from '../../../runtime/src/session/index.js';
import { expectNoSecrets } from '../../_util/no-secrets.js';
import { createTestAccount, expiredToken, mintToken, testPds } from '../../_util/pds.js';
import {
  accountOutput,
  countedClient,
  rawCall,
  savedSession,
  secretsOf,
} from './session-fixtures.js';

import type { AtpSessionData } from '../../../runtime/src/session/index.js';
import type { TestAccount } from '../../_util/pds.js';

let account: TestAccount;

beforeAll(async () => {
  account = await createTestAccount('session');
});

describe(AtpClient, () => {
  test('uses a saved valid session without any request', async () => {
    const { client, calls, events } = countedClient();
    const session = await client.authenticate(
      account.handle,
      account.password,
      savedSession(account),
    );
    const { data } = await client.call(getSession.method);

    expect(session).toEqual(savedSession(account));
    expect(data.did).toBe(account.did);
    expect(calls.nsids).toEqual([getSession.NSID]);
    expect(events).toEqual([]);
  });

  test('refreshes an expired access token once and persists the new tokens', async () => {
    const own = await createTestAccount('refresh');
    const store = new MemoryStore();
    const { client, calls, events } = countedClient({ store });
    const saved = savedSession(own, { accessJwt: expiredToken(own.accessJwt) });
    const session = await client.authenticate(own.handle, undefined, saved);

    expect(calls.count(refreshSession.NSID)).toBe(1);
    expect(calls.count(createSession.NSID)).toBe(0);
    expect(session.refreshJwt).not.toBe(own.refreshJwt);
    expect(events.map(({ event }) => event)).toEqual(['update']);
    expect(events[0]?.session).toEqual(session);
    expect(await store.load()).toEqual(session);

    await client.call(getSession.method);

    expect(calls.count(refreshSession.NSID)).toBe(1);
  });

  test('logs in with the password when the refresh token was revoked', async () => {
    const own = await createTestAccount('revoked');
    const { client, calls, events } = countedClient();

    expect((await rawCall(deleteSession.NSID, own.refreshJwt)).status).toBe(200);

    const saved = savedSession(own, { accessJwt: expiredToken(own.accessJwt) });
    const session = await client.authenticate(own.handle, own.password, saved);

    expect(calls.nsids).toEqual([refreshSession.NSID, createSession.NSID]);
    expect(session.did).toBe(own.did);
    expect(events.map(({ event }) => event)).toEqual(['expired', 'create']);
  });

  test('logs in with the password after logout() revoked the saved session', async () => {
    const own = await createTestAccount('logout');
    const first = countedClient();

    await first.client.authenticate(own.handle, undefined, savedSession(own));
    await first.client.logout();

    expect(first.calls.nsids).toEqual([deleteSession.NSID]);
    expect(first.events.map(({ event }) => event)).toEqual(['logout']);
    expect(() => first.client.authenticated()).toThrow(NotAuthenticatedError);

    const second = countedClient();
    const saved = savedSession(own, { accessJwt: expiredToken(own.accessJwt) });

    await second.client.authenticate(own.handle, own.password, saved);

    expect(second.calls.count(createSession.NSID)).toBe(1);
  });

  test('lists the three failed steps without any secret', async () => {
    const own = await createTestAccount('invalid');

    await rawCall(deleteSession.NSID, own.refreshJwt);

    const { client, calls } = countedClient();
    const saved = savedSession(own, { accessJwt: expiredToken(own.accessJwt) });
    const error = await client
      .authenticate(own.handle, `${own.password}-wrong`, saved)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(
      (error as AuthenticationError).attempts.map(({ step, reason }) => [step, reason]),
    ).toEqual([
      ['access', 'access token expired'],
      ['refresh', '400 ExpiredToken: Token has been revoked'],
      ['credentials', '401 AuthenticationRequired: Invalid identifier or password'],
    ]);
    expect((error as Error).message).toBe(
      'Authentication failed: access (access token expired), refresh (400 ExpiredToken: Token has ' +
        'been revoked), credentials (401 AuthenticationRequired: Invalid identifier or password)',
    );
    expect(calls.nsids).toEqual([refreshSession.NSID, createSession.NSID]);
    expectNoSecrets(error, [...secretsOf(own, saved), `${own.password}-wrong`]);
    expect(() => client.authenticated()).toThrow(NotAuthenticatedError);
  });

  test('logs in with credentials when there is no saved session', async () => {
    const { client, calls, events } = countedClient();
    const session = await client.authenticate(account.did, account.password);

    expect(calls.nsids).toEqual([createSession.NSID]);
    expect(session).toMatchObject({ did: account.did, handle: account.handle, active: true });
    expect(events.map(({ event }) => event)).toEqual(['create']);
  });

  test('says why each step failed when there is no saved session and no password', async () => {
    const { client, calls } = countedClient();
    const error = (await client
      .authenticate(account.handle, undefined)
      .catch((e: unknown) => e)) as AuthenticationError;

    expect(error.attempts).toEqual([
      { step: 'access', reason: 'no saved session' },
      { step: 'refresh', reason: 'no saved session' },
      { step: 'credentials', reason: 'no password given' },
    ]);
    expect(calls.nsids).toEqual([]);
  });

  test.each([
    {
      name: 'a missing refresh token',
      saved: { accessJwt: 'x', handle: 'a.test', did: 'did:plc:a' },
    },
    {
      name: 'a malformed DID',
      saved: { accessJwt: 'x', refreshJwt: 'y', handle: 'a.test', did: 'a' },
    },
    { name: 'an array', saved: [] },
  ])('ignores a malformed saved session: $name', async ({ saved }) => {
    const { client, calls } = countedClient();
    const error = await client
      .authenticate(account.handle, undefined, saved as unknown as AtpSessionData)
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      attempts: [
        { step: 'access', reason: 'saved session malformed' },
        { step: 'refresh', reason: 'saved session malformed' },
        { step: 'credentials', reason: 'no password given' },
      ],
    });
    expect(calls.nsids).toEqual([]);
  });

  test('loads the saved session from the store when none is passed', async () => {
    const store = new MemoryStore(savedSession(account));
    const { client, calls } = countedClient({ store });

    await client.authenticate(account.handle, undefined);

    expect(client.authenticated()).toEqual(savedSession(account));
    expect(calls.nsids).toEqual([]);
  });

  test('saves a passed session to the store', async () => {
    const store = new MemoryStore();
    const { client, events } = countedClient({ store });

    await client.authenticate(account.handle, undefined, accountOutput(account));

    expect(await store.load()).toEqual(client.authenticated());
    expect(events).toEqual([]);
  });

  test('says so when the store cannot be read', async () => {
    const store = {
      load: () => Promise.reject(new Error('Session file unreadable: permission denied')),
      save: () => Promise.resolve(),
      clear: () => Promise.resolve(),
    };
    const { client } = countedClient({ store });
    const error = await client.authenticate(account.handle, undefined).catch((e: unknown) => e);
    const reason = 'saved session unreadable: Session file unreadable: permission denied';

    expect(error).toMatchObject({
      attempts: [
        { step: 'access', reason },
        { step: 'refresh', reason },
        { step: 'credentials', reason: 'no password given' },
      ],
    });
  });

  test('does nothing on logout without a session', async () => {
    const { client, calls, events } = countedClient();

    await client.logout();

    expect(calls.nsids).toEqual([]);
    expect(events).toEqual([]);
  });

  test('refreshes a saved access token of another DID instead of using it', async () => {
    const own = await createTestAccount('subject');
    const { client, calls } = countedClient();
    const saved = savedSession(own, { accessJwt: mintToken(own.accessJwt, { sub: account.did }) });

    await client.authenticate(own.handle, undefined, saved);

    expect(calls.nsids).toEqual([refreshSession.NSID]);
    expect(client.authenticated().did).toBe(own.did);
  });

  test('round-trips the session through JSON into a new client that calls without login', async () => {
    const own = await createTestAccount('export');
    const first = countedClient();

    await first.client.authenticate(own.handle, undefined, accountOutput(own));

    const exported = first.client.authenticated();
    const imported = JSON.parse(JSON.stringify(exported)) as AtpSessionData;
    const second = countedClient();
    const restored = await second.client.authenticate(own.handle, undefined, imported);
    const { data } = await second.client.call(getSession.method);

    expect(imported).toEqual(exported);
    expect(restored).toEqual(exported);
    expect(exported).not.toHaveProperty('savedBy');
    expect(exported).toMatchObject({ did: own.did, email: own.email, didDoc: { id: own.did } });
    expect(data.did).toBe(own.did);
    expect(first.calls.nsids).toEqual([]);
    expect(second.calls.nsids).toEqual([getSession.NSID]);
  });

  test('returns a fresh copy from authenticated()', async () => {
    const { client } = countedClient();

    await client.authenticate(account.handle, undefined, savedSession(account));

    const copy = client.authenticated();

    copy.handle = 'changed.test';

    expect(client.authenticated()).toEqual(savedSession(account));
    expect(client.authenticated()).not.toBe(client.authenticated());
  });

  test('keeps tokens and password out of inspect and JSON of the client', async () => {
    const { client } = countedClient();

    await client.authenticate(account.handle, account.password, savedSession(account));

    const views = [inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client)];

    for (const view of views) {
      for (const secret of secretsOf(account)) expect(view).not.toContain(secret);
    }
  });

  test('sends calls to the PDS named in the DID document', async () => {
    const own = await createTestAccount('pds');
    const { client, calls } = countedClient({ service: 'http://127.0.0.1:1' });
    const saved = { ...accountOutput(own), accessJwt: expiredToken(own.accessJwt) };

    expect(client.service.href).toBe('http://127.0.0.1:1/');

    await expect(client.authenticate(own.handle, undefined, saved)).rejects.toThrow(
      'Authentication failed: access (access token expired), refresh (XRPC request failed: ' +
        'com.atproto.server.refreshSession could not reach http://127.0.0.1:1',
    );
    await client.authenticate(own.handle, undefined, accountOutput(own));

    expect(client.service.href).toBe(`${new URL(testPds().url).origin}/`);
    expect((await client.call(getSession.method)).data.did).toBe(own.did);
    expect(calls.nsids).toEqual([refreshSession.NSID, getSession.NSID]);
  });
});
