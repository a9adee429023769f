import { beforeAll, describe, expect, test } from '@jest/globals';
import * as AppBskyFeedPost from '@lexforge/api/app/bsky/feed/post';
import { listRecords } from '@lexforge/api/com/atproto/repo/listRecords';
import { paginate, RecordCollection, XrpcClient } from '@lexforge/runtime';

import { createTestAccount, type TestAccount, testPds } from '../../_util/pds.js';

let account: TestAccount;
let client: XrpcClient;
let requests = 0;

beforeAll(async () => {
  account = await createTestAccount('pages');
  client = new XrpcClient({
    service: testPds().url,
    headers: { authorization: `Bearer ${account.accessJwt}` },
    hooks: { beforeRequest: [() => void requests++] },
  });

  const posts = new RecordCollection(client, AppBskyFeedPost.record);

  for (const text of ['one', 'two', 'three', 'four', 'five']) {
    await posts.create({ text, createdAt: new Date().toISOString() }, { repo: account.did });
  }
});

function listPosts() {
  return listRecords(client).repo(account.did).collection(AppBskyFeedPost.NSID).limit(2);
}

describe(paginate, () => {
  test('follows the cursor until the last page', async () => {
    const sizes: number[] = [];
    const cursors: (string | undefined)[] = [];
    const before = requests;

    for await (const page of listPosts().pages()) {
      sizes.push(page.records.length);
      cursors.push(page.cursor);
    }

    // the PDS hands out a cursor with every non-empty page, so the end is an empty page
    expect(sizes).toEqual([2, 2, 1, 0]);
    expect(cursors.at(-1)).toBeUndefined();
    expect(requests - before).toBe(4);
  });

  test('yields items across pages up to maxItems', async () => {
    const texts: unknown[] = [];

    for await (const record of listPosts().items({ maxItems: 3 })) texts.push(record.value['text']);

    expect(texts).toHaveLength(3);
    expect(new Set(texts).size).toBe(3);
  });

  test('stops after maxPages and restores the builder cursor', async () => {
    const first = await listPosts().send();
    const request = listPosts().cursor(first.cursor ?? '');
    const pages = [];

    for await (const page of request.pages({ maxPages: 1 })) pages.push(page);

    expect(pages).toHaveLength(1);
    expect(pages[0]?.records.map((record) => record.uri)).not.toEqual(
      first.records.map((r) => r.uri),
    );
    expect(request.toJSON().params.cursor).toBe(first.cursor);
  });

  test('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const iterate = async () => {
      for await (const page of listPosts().pages({ signal: controller.signal })) {
        seen.push(page.records.length);
        controller.abort(new Error('enough'));
      }
    };

    await expect(iterate()).rejects.toThrow('enough');
    expect(seen).toEqual([2]);
  });
});
