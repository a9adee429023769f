import { beforeAll, describe, expect, test } from '@jest/globals';
import { Client } from '@lexforge/api';
import { XrpcValidationError } from '@lexforge/runtime';

import { createTestAccount, type TestAccount, testPds } from '../../_util/pds.js';

let account: TestAccount;
let client: Client;

beforeAll(async () => {
  account = await createTestAccount('serial');
  client = new Client({ service: testPds().url });
  await client.authenticate(account.handle, account.password);
});

describe('JSON round trips', () => {
  test('a record read back from JSON is checked against its lexicon', async () => {
    const posts = client.app.bsky.feed.post;
    const { uri } = await posts.create({ text: 'round trip', createdAt: new Date().toISOString() });
    const stored = await posts.get(uri.split('/').pop() ?? '');
    const parsed = posts.parse(JSON.parse(JSON.stringify(stored.value)));

    expect(parsed).toEqual(stored.value);
    expect(() => posts.parse({ ...stored.value, text: 42 })).toThrow(XrpcValidationError);
  });

  test('a response read back from JSON is checked against the method output', async () => {
    const request = client.com.atproto.repo.describeRepo().repo(account.did);
    const response = await request.response();
    const json = JSON.parse(JSON.stringify(response)) as { data: unknown };
    const parsed = request.parseOutput(json.data);

    expect(parsed.did).toBe(account.did);
    expect(() => request.parseOutput({ ...response.data, did: 7 })).toThrow(XrpcValidationError);
  });

  test('a builder serializes its params and is rebuilt from them', async () => {
    const request = client.com.atproto.repo
      .listRecords()
      .repo(account.did)
      .collection('app.bsky.feed.post')
      .limit(1);
    const saved = JSON.parse(JSON.stringify(request)) as ReturnType<typeof request.toJSON>;
    const again = client.com.atproto.repo.listRecords().with(saved.params);

    expect(saved).toEqual({
      nsid: 'com.atproto.repo.listRecords',
      params: { repo: account.did, collection: 'app.bsky.feed.post', limit: 1 },
    });
    expect((await again.send()).records).toHaveLength(1);
  });
});
