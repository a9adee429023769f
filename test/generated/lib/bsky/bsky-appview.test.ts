import { beforeAll, expect, test } from '@jest/globals';
import { Client } from '@lexforge/api/client';
import { bsky } from '@lexforge/api/lib/bsky/index';

import { createTestAccount, describeWithAppView, processAll, testPds } from '../../../_util/pds.js';
import { loggedIn } from './bsky-fixtures.js';

import type { StrongRef } from '@lexforge/api/lib/bsky/index';
import type { TestAccount } from '../../../_util/pds.js';

describeWithAppView('Bsky reads through the AppView', () => {
  let alice: TestAccount;
  let client: Client;
  let fans: Client[];
  let root: StrongRef;
  let reply: StrongRef;

  beforeAll(async () => {
    const accounts = await Promise.all(
      ['alice', 'fan', 'fan', 'fan'].map((prefix) => createTestAccount(prefix)),
    );

    alice = accounts[0] as TestAccount;
    client = new Client({ service: testPds().url });

    const { accessJwt, refreshJwt, handle, did } = alice;

    await client.authenticate(alice.handle, alice.password, { accessJwt, refreshJwt, handle, did });
    fans = await Promise.all(accounts.slice(1).map((account) => loggedIn(account)));

    await bsky(client).updateProfile((current) => ({ ...current, displayName: 'Alice Reader' }));
    root = await bsky(client).post('thread root #lexforge');
    // the AppView notifies a reply only when it has indexed the parent already
    await processAll();
    reply = await bsky(fans[0] as Client).reply(root, 'a reply');
    // @NOTE one after the other: follows written at once can share a creation time, and the
    // AppView's follower pages (cursor: time and CID) then skipped one of them
    for (const fan of fans) await bsky(fan).follow(alice.did);
    await bsky(fans[1] as Client).like(root);
    await bsky(fans[2] as Client).repost(root);
    await processAll();
  });

  test('gets the profile of the authenticated account', async () => {
    const profile = await bsky(client).getProfile().actor(client.authenticated().handle).send();

    expect(profile).toMatchObject({
      did: alice.did,
      displayName: 'Alice Reader',
      followersCount: 3,
    });
  });

  test('gets a thread with its reply', async () => {
    const { thread } = await bsky(client).getPostThread().uri(root.uri).send();

    expect(thread).toMatchObject({
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: { uri: root.uri, cid: root.cid },
      replies: [{ post: { uri: reply.uri } }],
    });
  });

  test('gets the timeline of a follower, posts by URI and profiles by DID', async () => {
    const fan = fans[1] as Client;
    const { feed } = await bsky(fan).getTimeline().send();
    const { posts } = await bsky(fan).getPosts().uris([root.uri]).send();
    const { profiles } = await bsky(fan).getProfiles().actors([alice.did]).send();

    expect(feed.map(({ post }) => post.uri)).toContain(root.uri);
    expect(posts).toMatchObject([{ uri: root.uri, likeCount: 1, repostCount: 1, replyCount: 1 }]);
    expect(profiles).toMatchObject([{ did: alice.did, displayName: 'Alice Reader' }]);
  });

  test('searches actors and posts', async () => {
    const { actors } = await bsky(client).searchActors().q(alice.handle).send();
    const { posts } = await bsky(client).searchPosts().q('thread root').author(alice.did).send();

    expect(actors.map(({ did }) => did)).toContain(alice.did);
    expect(posts.map(({ uri }) => uri)).toEqual([root.uri]);
  });

  test('gets the author feed, newest first', async () => {
    const { feed } = await bsky(client).getAuthorFeed().actor(alice.did).send();

    expect(feed.map(({ post }) => post.uri)).toEqual([root.uri]);
  });

  test('pages through followers one at a time with items()', async () => {
    const followers: string[] = [];

    for await (const follower of bsky(client).getFollowers().actor(alice.did).limit(1).items()) {
      followers.push(follower.did);
    }

    const expected = fans.map((fan) => fan.authenticated().did);

    expect(followers.sort()).toEqual(expected.sort());
  });

  test('gets who liked and who reposted a post', async () => {
    const facade = bsky(client);
    const { likes } = await facade.getLikes().uri(root.uri).send();
    const { repostedBy } = await facade.getRepostedBy().uri(root.uri).send();

    expect(likes.map(({ actor }) => actor.did)).toEqual([fans[1]?.authenticated().did]);
    expect(repostedBy.map(({ did }) => did)).toEqual([fans[2]?.authenticated().did]);
  });

  test('lists the notifications of the likes, reposts, follows and reply', async () => {
    const { notifications } = await bsky(client).listNotifications().send();
    const reasons = notifications.map(({ reason }) => reason).sort();

    expect(reasons).toEqual(['follow', 'follow', 'follow', 'like', 'reply', 'repost']);
  });
});
