import { beforeAll, describe, expect, test } from '@jest/globals';
import { Bsky, bsky, post } from '@lexforge/api/lib/bsky/index';
import { XrpcValidationError } from '@lexforge/runtime';

import { createTestAccount } from '../../../_util/pds.js';
import { rejection } from '../../../_util/rejection.js';
import { MP4, PNG, loggedIn, rkeyOf } from './bsky-fixtures.js';
import { expectedSlice, sliceBytes } from './facet-expectations.js';

import type * as AppBskyEmbedImages from '@lexforge/api/app/bsky/embed/images';
import type * as AppBskyFeedPost from '@lexforge/api/app/bsky/feed/post';
import type { Client } from '@lexforge/api/client';
import type { StrongRef } from '@lexforge/api/lib/bsky/index';
import type { StoredRecord, TypedBlobRef } from '@lexforge/runtime';
import type { TestAccount } from '../../../_util/pds.js';

let alice: TestAccount;
let bob: TestAccount;
let client: Client;

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestAccount('alice'), createTestAccount('bob')]);
  client = await loggedIn(alice);
});

async function readPost(ref: StrongRef): Promise<StoredRecord<AppBskyFeedPost.Main>> {
  return client.app.bsky.feed.post.get(rkeyOf(ref.uri));
}

describe(Bsky, () => {
  test('posts a mention, a link and a hashtag among emoji, each facet on its own bytes', async () => {
    const text = `👩‍👩‍👧‍👦 Hi @${bob.handle}! 🇫🇷 see example.com/path, #lexforge 🎉 bye @${bob.handle}`;
    const ref = await bsky(client).post(text);
    const { value, cid } = await readPost(ref);
    const mention = { $type: 'app.bsky.richtext.facet#mention', did: bob.did };

    expect(cid).toBe(ref.cid);
    expect(value.text).toBe(text);
    expect(value.facets).toEqual([
      { index: expectedSlice(text, `@${bob.handle}`), features: [mention] },
      {
        index: expectedSlice(text, 'example.com/path'),
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/path' }],
      },
      {
        index: expectedSlice(text, '#lexforge'),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'lexforge' }],
      },
      { index: expectedSlice(text, `@${bob.handle}`, 1), features: [mention] },
    ]);
    expect(value.facets?.map(({ index }) => sliceBytes(text, index))).toEqual([
      `@${bob.handle}`,
      'example.com/path',
      '#lexforge',
      `@${bob.handle}`,
    ]);
  });

  test('leaves a mention of a handle nobody has as plain text', async () => {
    const { value } = await readPost(await bsky(client).post('hello @nobody-at-all.test'));

    expect(value.text).toBe('hello @nobody-at-all.test');
    expect(value.facets).toBeUndefined();
  });

  test('replies with the root and parent strong refs, reading the parent when needed', async () => {
    const facade = bsky(client);
    const root = await facade.post('root of the thread');
    const first = await facade.reply(root, 'first reply');
    const second = await facade.reply(first, post('second reply').langs('en'));

    expect((await readPost(first)).value.reply).toEqual({ root, parent: root });
    expect((await readPost(second)).value).toMatchObject({
      langs: ['en'],
      reply: { root, parent: first },
    });
  });

  test('quotes a post with a record embed of its strong ref', async () => {
    const quoted = await bsky(client).post('worth quoting');
    const quote = await bsky(client).quote(quoted, 'so true');

    expect((await readPost(quote)).value.embed).toEqual({
      $type: 'app.bsky.embed.record',
      record: quoted,
    });
  });

  test('deletes a post', async () => {
    const ref = await bsky(client).post('short-lived');

    await bsky(client).deletePost(ref.uri);

    expect(await rejection(readPost(ref))).toMatchObject({ error: 'RecordNotFound' });
  });

  test.each([
    {
      name: 'like',
      create: (facade: Bsky, target: StrongRef) => facade.like(target),
      remove: (facade: Bsky, uri: string) => facade.unlike(uri),
      read: (uri: string) => client.app.bsky.feed.like.get(rkeyOf(uri)),
      subject: (target: StrongRef) => target,
    },
    {
      name: 'repost',
      create: (facade: Bsky, target: StrongRef) => facade.repost(target),
      remove: (facade: Bsky, uri: string) => facade.unrepost(uri),
      read: (uri: string) => client.app.bsky.feed.repost.get(rkeyOf(uri)),
      subject: (target: StrongRef) => target,
    },
    {
      name: 'follow',
      create: (facade: Bsky) => facade.follow(bob.did),
      remove: (facade: Bsky, uri: string) => facade.unfollow(uri),
      read: (uri: string) => client.app.bsky.graph.follow.get(rkeyOf(uri)),
      subject: () => bob.did,
    },
    {
      name: 'block',
      create: (facade: Bsky) => facade.block(bob.did),
      remove: (facade: Bsky, uri: string) => facade.unblock(uri),
      read: (uri: string) => client.app.bsky.graph.block.get(rkeyOf(uri)),
      subject: () => bob.did,
    },
  ])('creates and deletes a $name', async ({ create, remove, read, subject }) => {
    const facade = bsky(client);
    const target = await facade.post('a post to act on');
    const ref = await create(facade, target);
    const { value } = await read(ref.uri);

    expect(value.subject).toEqual(subject(target));
    expect(value.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    await remove(facade, ref.uri);

    expect(await rejection(read(ref.uri))).toMatchObject({ error: 'RecordNotFound' });
  });

  test('refuses to delete through the URI of another collection', async () => {
    const like = await bsky(client).like(await bsky(client).post('liked'));
    const error = await rejection(bsky(client).unfollow(like.uri));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `Wrong record URI for app.bsky.graph.follow: ${like.uri}`,
    );
    expect((await client.app.bsky.feed.like.get(rkeyOf(like.uri))).uri).toBe(like.uri);
  });

  test('uploads an image and embeds it with alt text and aspect ratio', async () => {
    const draft = post('a tiny picture').images({
      image: { data: PNG, mimeType: 'image/png' },
      alt: 'One white pixel',
      aspectRatio: { width: 1, height: 1 },
    });
    const { value } = await readPost(await bsky(client).post(draft));
    const embed = value.embed as AppBskyEmbedImages.Main & { $type: string };
    const [image] = embed.images;
    const ref = image?.image as TypedBlobRef;
    const stored = await client.com.atproto.sync.getBlob().did(alice.did).cid(ref.ref.$link).send();

    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(image).toEqual({
      image: {
        $type: 'blob',
        ref: { $link: expect.any(String) },
        mimeType: 'image/png',
        size: PNG.length,
      },
      alt: 'One white pixel',
      aspectRatio: { width: 1, height: 1 },
    });
    expect(Buffer.from(stored)).toEqual(PNG);
  });

  test('uploads a link card thumbnail and a video with uploadBlob', async () => {
    const card = post('a card').external({
      uri: 'https://example.com/article',
      title: 'An article',
      description: 'About things',
      thumb: { data: PNG, mimeType: 'image/png' },
    });
    const clip = post('a clip').video({
      video: { data: MP4, mimeType: 'video/mp4' },
      alt: 'Nothing',
    });
    const [withCard, withClip] = await Promise.all([
      bsky(client).post(card),
      bsky(client).post(clip),
    ]);

    expect((await readPost(withCard)).value.embed).toMatchObject({
      $type: 'app.bsky.embed.external',
      external: {
        uri: 'https://example.com/article',
        thumb: { mimeType: 'image/png', size: PNG.length },
      },
    });
    expect((await readPost(withClip)).value.embed).toMatchObject({
      $type: 'app.bsky.embed.video',
      alt: 'Nothing',
      video: { $type: 'blob', mimeType: 'video/mp4', size: MP4.length },
    });
  });

  test('updates the profile by read-modify-write, keeping other fields', async () => {
    const facade = bsky(client);

    await facade.updateProfile((current) => ({ ...current, description: 'Writes SDKs' }));
    await facade.updateProfile((current) => ({ ...current, displayName: 'Alice 🦋' }));

    const { value } = await client.app.bsky.actor.profile.get('self');

    expect(value).toMatchObject({ displayName: 'Alice 🦋', description: 'Writes SDKs' });
  });

  test('starts a profile update over when another one wrote meanwhile', async () => {
    const own = await loggedIn(await createTestAccount('carol'));
    const calls: string[] = [];
    let release = (): void => undefined;
    const bothRead = new Promise<void>((resolve) => (release = resolve));

    // both updates read the same profile before either writes: one swap must fail and retry
    await Promise.all(
      ['pronouns', 'description'].map((field) =>
        bsky(own).updateProfile(async (current) => {
          if (calls.push(field) === 2) release();

          await bothRead;

          return { ...current, [field]: `set by ${field}` };
        }),
      ),
    );

    const { value } = await own.app.bsky.actor.profile.get('self');

    expect(value).toMatchObject({ pronouns: 'set by pronouns', description: 'set by description' });
    expect(calls).toHaveLength(3);
  });

  test('refuses a profile that breaks the lexicon before writing it', async () => {
    const error = await rejection(
      bsky(client).updateProfile((current) => ({ ...current, displayName: 'x'.repeat(65) })),
    );

    expect(error).toBeInstanceOf(XrpcValidationError);
    expect((error as Error).message).toContain('$.displayName');
  });
});
