import { join } from 'node:path';

import { afterAll, afterEach, describe, expect, jest, test } from '@jest/globals';

import * as createSession from '../../../runtime/src/lexicons/com/atproto/server/createSession.js';
import * as deleteSession from '../../../runtime/src/lexicons/com/atproto/server/deleteSession.js';
import * as getSession from '../../../runtime/src/lexicons/com/atproto/server/getSession.js';
import * as refreshSession from '../../../runtime/src/lexicons/com/atproto/server/refreshSession.js';
import { FileStore } from '../../../runtime/src/node.js';
import { createTestAccount, expiredToken } from '../../_util/pds.js';
import { makeTempDir } from '../../_util/temp-dir.js';
import { countedClient, rawCall, savedSession, setClock } from './session-fixtures.js';

import type { AtpClient } from '../../../runtime/src/session/index.js';
import type { TestAccount } from '../../_util/pds.js';

const temp = makeTempDir('session-refresher');
const HOUR = 3_600_000;

afterEach(() => {
  jest.useRealTimers();
});

afterAll(() => temp.remove());

/** Authenticates with an expired access token while the client's clock runs two hours late. */
async function authenticateExpired(client: AtpClient, account: TestAccount, password?: string) {
  const saved = savedSession(account, { accessJwt: expiredToken(account.accessJwt) });

  setClock(Date.now() - 2 * HOUR);
  await client.authenticate(account.handle, password, saved);
  jest.useRealTimers();
}

describe('SessionRefresher', () => {
  test('shares one refresh between 100 concurrent calls with an expired access token', async () => {
    const account = await createTestAccount('many');
    const { client, calls, events } = countedClient();

    await authenticateExpired(client, account);

    expect(calls.nsids).toEqual([]);

    const results = await Promise.all(
      Array.from({ length: 100 }, () => client.call(getSession.method)),
    );

    expect(results.filter(({ data }) => data.did === account.did)).toHaveLength(100);
    expect(calls.count(refreshSession.NSID)).toBe(1);
    expect(calls.count(getSession.NSID)).toBe(100);
    expect(events.map(({ event }) => event)).toEqual(['update']);
  });

  test('logs in again during use once the server revoked the refresh token', async () => {
    const account = await createTestAccount('again');
    const { client, calls, events } = countedClient();

    await authenticateExpired(client, account, account.password);
    await rawCall(deleteSession.NSID, account.refreshJwt);

    const results = await Promise.all([1, 2, 3].map(() => client.call(getSession.method)));

    expect(results.map(({ status }) => status)).toEqual([200, 200, 200]);
    expect(calls.nsids.filter((nsid) => nsid !== getSession.NSID)).toEqual([
      refreshSession.NSID,
      createSession.NSID,
    ]);
    expect(events.map(({ event }) => event)).toEqual(['expired', 'create']);
  });

  test('adopts the tokens another client of the same file rotated instead of refreshing', async () => {
    const account = await createTestAccount('adopt');
    const path = join(temp.dir, 'adopt.json');
    const first = countedClient({ store: new FileStore(path) });
    const second = countedClient({ store: new FileStore(path) });
    const saved = savedSession(account, { accessJwt: expiredToken(account.accessJwt) });

    await first.client.authenticate(account.handle, undefined, saved);

    const rotated = first.client.authenticated();
    const adopted = await second.client.authenticate(account.handle, undefined, saved);

    expect(first.calls.nsids).toEqual([refreshSession.NSID]);
    expect(second.calls.nsids).toEqual([]);
    expect(adopted).toEqual(rotated);
    expect(second.events).toEqual([{ event: 'update', session: rotated }]);
    expect(await new FileStore(path).load()).toEqual(rotated);

    await second.client.call(getSession.method);

    expect(second.calls.nsids).toEqual([getSession.NSID]);
  });

  test('lets one of two clients sharing a file refresh while the other waits and adopts', async () => {
    const account = await createTestAccount('shared');
    const path = join(temp.dir, 'shared.json');
    const clients = [1, 2].map(() => countedClient({ store: new FileStore(path) }));
    const saved = savedSession(account, { accessJwt: expiredToken(account.accessJwt) });
    const sessions = await Promise.all(
      clients.map(({ client }) => client.authenticate(account.handle, undefined, saved)),
    );
    const refreshes = clients.map(({ calls }) => calls.count(refreshSession.NSID));

    expect(refreshes.sort()).toEqual([0, 1]);
    expect(sessions[0]).toEqual(sessions[1]);
    expect(await new FileStore(path).load()).toEqual(sessions[0]);
  });

  test('refreshes once more when the stored tokens are older than its own', async () => {
    const account = await createTestAccount('stale');
    const path = join(temp.dir, 'stale.json');
    const store = new FileStore(path);
    const old = savedSession(account, { accessJwt: expiredToken(account.accessJwt, 3600) });
    const { client, calls } = countedClient({ store });

    await store.save({ ...old, refreshJwt: `${old.refreshJwt}x` });
    await client.authenticate(account.handle, undefined, {
      ...old,
      accessJwt: expiredToken(account.accessJwt),
    });

    expect(calls.nsids).toEqual([refreshSession.NSID]);
    expect(await store.load()).toEqual(client.authenticated());
  });
});
