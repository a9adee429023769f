import { beforeAll, describe, expect, test } from '@jest/globals';
import * as AppBskyFeedPost from '@lexforge/api/app/bsky/feed/post';
import { RecordCollection, XrpcClient, XrpcValidationError } from '@lexforge/runtime';

import { createTestAccount, type TestAccount, testPds } from '../../_util/pds.js';

let account: TestAccount;
let posts: RecordCollection<AppBskyFeedPost.Main>;

function createdAt(): string {
  return new Date().toISOString();
}

beforeAll(async () => {
  account = await createTestAccount('records');

  const client = new XrpcClient({
    service: testPds().url,
    headers: { authorization: `Bearer ${account.accessJwt}` },
  });

  posts = new RecordCollection(client, AppBskyFeedPost.record);
});

describe(RecordCollection, () => {
  test('creates, reads, replaces and deletes a typed record', async () => {
    const repo = account.did;
    const created = await posts.create({ text: 'first', createdAt: createdAt() }, { repo });
    const rkey = created.uri.split('/').pop() ?? '';
    const read = await posts.get(rkey, { repo });

    expect(created.uri).toMatch(new RegExp(`^at://${account.did}/app.bsky.feed.post/`));
    expect(read.value).toMatchObject({ $type: 'app.bsky.feed.post', text: 'first' });

    await posts.put(rkey, { text: 'edited', createdAt: createdAt() }, { repo });

    expect((await posts.get(rkey, { repo })).value.text).toBe('edited');

    await posts.delete(rkey, { repo });

    await expect(posts.get(rkey, { repo })).rejects.toMatchObject({ error: 'RecordNotFound' });
  });

  test('refuses a record that violates its lexicon before sending, naming the path', async () => {
    const tooLong = 'x'.repeat(3001);
    const error = await posts
      .create({ text: tooLong, createdAt: createdAt() }, { repo: account.did })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(XrpcValidationError);
    expect((error as Error).message).toContain('$.text');
  });

  test('lists records and reports values that fail the lexicon instead of dropping the page', async () => {
    const other = await createTestAccount('listing');
    const client = new XrpcClient({
      service: testPds().url,
      headers: { authorization: `Bearer ${other.accessJwt}` },
    });
    const collection = new RecordCollection(client, AppBskyFeedPost.record);

    await collection.create({ text: 'valid', createdAt: createdAt() }, { repo: other.did });
    // a record the PDS accepts without checking it against the lexicon
    await client.call(
      {
        type: 'procedure',
        nsid: 'com.atproto.repo.createRecord',
        input: { encoding: 'application/json' },
        output: { encoding: 'application/json' },
      },
      {
        input: {
          repo: other.did,
          collection: AppBskyFeedPost.NSID,
          validate: false,
          record: { $type: AppBskyFeedPost.NSID, text: 42, createdAt: createdAt() },
        },
      },
    );

    const page = await collection.list({ repo: other.did });

    expect(page.records.map((record) => record.value.text)).toEqual(['valid']);
    expect(page.invalid).toHaveLength(1);
    expect(page.invalid[0]?.issues[0]?.path?.[0]?.key).toBe('text');
  });
});
