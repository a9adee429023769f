import { beforeAll, expect, test } from '@jest/globals';

import { appViewProxyHeader, describeWithAppView, processAll } from './appview.js';
import { createTestAccount, testPds } from './pds.js';

import type { TestAppView } from './appview.js';
import type { TestAccount } from './pds.js';

const DISPLAY_NAME = 'Smoke Tester';

async function createRecord(
  account: TestAccount,
  collection: string,
  fields: { rkey?: string; record: Record<string, unknown> },
): Promise<void> {
  const record = { $type: collection, ...fields.record };
  const response = await fetch(`${testPds().url}/xrpc/com.atproto.repo.createRecord`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${account.accessJwt}` },
    body: JSON.stringify({ repo: account.did, collection, rkey: fields.rkey, record }),
  });

  if (!response.ok) {
    throw new Error(
      `Record not created: ${collection} ${response.status} ${await response.text()}`,
    );
  }
}

async function getProfile(
  base: string,
  actor: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = `${base}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(actor)}`;
  const response = await fetch(url, { headers });

  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describeWithAppView('test AppView harness', (appView: TestAppView) => {
  let account: TestAccount;

  beforeAll(async () => {
    account = await createTestAccount('appview');
    await createRecord(account, 'app.bsky.actor.profile', {
      rkey: 'self',
      record: { displayName: DISPLAY_NAME },
    });
    await createRecord(account, 'app.bsky.feed.post', {
      record: { text: 'hello from the smoke test', createdAt: new Date().toISOString() },
    });
    await processAll();
  });

  test.each([
    {
      name: 'through the PDS with the atproto-proxy header',
      base: () => testPds().url,
      headers: (): Record<string, string> => ({
        authorization: `Bearer ${account.accessJwt}`,
        ...appViewProxyHeader(appView),
      }),
    },
    {
      name: 'through the PDS without a proxy header',
      base: () => testPds().url,
      headers: (): Record<string, string> => ({ authorization: `Bearer ${account.accessJwt}` }),
    },
    {
      name: 'from the AppView directly, unauthenticated',
      base: () => appView.url,
      headers: (): Record<string, string> => ({}),
    },
  ])('serves the indexed profile $name', async ({ base, headers }) => {
    const answer = await getProfile(base(), account.did, headers());

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      did: account.did,
      handle: account.handle,
      displayName: DISPLAY_NAME,
      postsCount: 1,
    });
  });

  test('refuses app.bsky reads through the PDS without a session', async () => {
    const answer = await getProfile(testPds().url, account.did, appViewProxyHeader(appView));

    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'AuthMissing' });
  });
});
