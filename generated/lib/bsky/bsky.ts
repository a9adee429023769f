import { formatDatetime } from '@lexforge/runtime';

import * as AppBskyFeedPost from '../../src/app/bsky/feed/post.js';
import { BskyReads } from './bsky-reads.js';
import { PostBuilder } from './post/post-builder.js';
import { postServices } from './post/post-services.js';
import { toStrongRef } from './post/strong-ref.js';
import { updateProfileRecord } from './profile-update.js';
import { recordLocation } from './record-location.js';

import type { RecordCollection } from '@lexforge/runtime';
import type { Client } from '../../src/client.js';
import type { PostServices } from './post/post-services.js';
import type { ReplyTarget } from './post/reply-target.js';
import type { StrongRef } from './post/strong-ref.js';
import type { ProfileUpdate } from './profile-update.js';

/** How a {@link Bsky} writes: to which repository, and with which post services. */
export interface BskyOptions extends Partial<PostServices> {
  /**
   * The repository (DID) records are written to.
   * @default the authenticated account's DID
   */
  readonly repo?: string | undefined;
}

/** The text of a post, or a builder for a post with more than text. */
export type PostContent = string | PostBuilder;

function toBuilder(content: PostContent): PostBuilder {
  return typeof content === 'string' ? new PostBuilder(content) : content;
}

function isReplyTarget(parent: ReplyTarget | StrongRef): parent is ReplyTarget {
  return 'record' in parent || 'root' in parent;
}

/**
 * Shortcuts to Bluesky for one client: the read queries as request builders, and the common
 * writes (posts, replies, quotes, likes, reposts, follows, blocks, profile), each validated
 * against its lexicon before it is sent. Writes go to the authenticated account's repository
 * unless `repo` says otherwise.
 *
 * @example
 * const client = new Client({ service });
 * await client.authenticate(identifier, password, savedSession);
 * const profile = await bsky(client).getProfile().actor(client.authenticated().handle).send();
 * const { uri, cid } = await bsky(client).post('Hello @alice.bsky.social #atproto');
 */
export class Bsky extends BskyReads {
  readonly #repo: string | undefined;
  readonly #services: PostServices;

  constructor(client: Client, options: BskyOptions = {}) {
    super(client);
    this.#repo = options.repo;
    this.#services = postServices(client, options);
  }

  /**
   * Creates a post: mentions resolved, media uploaded, limits and lexicon checked first.
   *
   * @throws {PostLengthError} when the text is over a limit
   * @throws {XrpcValidationError} when the record breaks the lexicon
   */
  async post(content: PostContent): Promise<StrongRef> {
    const builder = await toBuilder(content).prepare(this.#services);

    return this.client.app.bsky.feed.post.create(builder.toJSON(), this.#target());
  }

  /**
   * Replies to a post; without its record, the parent is read first to find the thread's root. A
   * builder passed as `content` gets the reply set.
   */
  async reply(parent: ReplyTarget | StrongRef, content: PostContent): Promise<StrongRef> {
    const target = isReplyTarget(parent) ? parent : await this.#withRecord(parent);

    return this.post(toBuilder(content).reply(target));
  }

  /** Quotes a record (usually a post); a builder passed as `content` gets the quote set. */
  quote(target: StrongRef, content: PostContent): Promise<StrongRef> {
    return this.post(toBuilder(content).quote(target));
  }

  /** Deletes a post of the account by its AT URI. */
  deletePost(uri: string): Promise<void> {
    return this.#delete(this.client.app.bsky.feed.post, uri);
  }

  /** Likes a record (usually a post). */
  like(target: StrongRef): Promise<StrongRef> {
    const like = { subject: toStrongRef(target), createdAt: formatDatetime() };

    return this.client.app.bsky.feed.like.create(like, this.#target());
  }

  /** Deletes a like by the AT URI `like` returned. */
  unlike(likeUri: string): Promise<void> {
    return this.#delete(this.client.app.bsky.feed.like, likeUri);
  }

  /** Reposts a post. */
  repost(target: StrongRef): Promise<StrongRef> {
    const repost = { subject: toStrongRef(target), createdAt: formatDatetime() };

    return this.client.app.bsky.feed.repost.create(repost, this.#target());
  }

  /** Deletes a repost by the AT URI `repost` returned. */
  unrepost(repostUri: string): Promise<void> {
    return this.#delete(this.client.app.bsky.feed.repost, repostUri);
  }

  /** Follows an account by DID. */
  follow(did: string): Promise<StrongRef> {
    const follow = { subject: did, createdAt: formatDatetime() };

    return this.client.app.bsky.graph.follow.create(follow, this.#target());
  }

  /** Deletes a follow by the AT URI `follow` returned. */
  unfollow(followUri: string): Promise<void> {
    return this.#delete(this.client.app.bsky.graph.follow, followUri);
  }

  /** Blocks an account by DID. */
  block(did: string): Promise<StrongRef> {
    const block = { subject: did, createdAt: formatDatetime() };

    return this.client.app.bsky.graph.block.create(block, this.#target());
  }

  /** Deletes a block by the AT URI `block` returned. */
  unblock(blockUri: string): Promise<void> {
    return this.#delete(this.client.app.bsky.graph.block, blockUri);
  }

  /**
   * Changes the account's profile: `update` gets the current profile record (or `undefined`) and
   * returns the next one, written only if nobody changed the profile meanwhile (else it runs
   * again on the fresher profile).
   *
   * @throws {NotAuthenticatedError} when there is no session and no `repo` option
   * @throws {XrpcValidationError} when the next profile breaks the lexicon
   * @example
   * await bsky(client).updateProfile((current) => ({ ...current, displayName: 'Alice' }));
   */
  updateProfile(update: ProfileUpdate): Promise<StrongRef> {
    return updateProfileRecord(this.client, this.#repoOrSession(), update);
  }

  #target(): { repo?: string } {
    return this.#repo === undefined ? {} : { repo: this.#repo };
  }

  #repoOrSession(): string {
    return this.#repo ?? this.client.authenticated().did;
  }

  async #withRecord(ref: StrongRef): Promise<ReplyTarget> {
    const { repo, rkey } = recordLocation(ref.uri, AppBskyFeedPost.NSID);
    const { value } = await this.client.app.bsky.feed.post.get(rkey, { repo });

    return { ...toStrongRef(ref), record: value };
  }

  async #delete<T extends { $type: string }>(
    collection: RecordCollection<T>,
    uri: string,
  ): Promise<void> {
    const { repo, rkey } = recordLocation(uri, collection.collection);

    await collection.delete(rkey, { repo });
  }
}

/**
 * Wraps a client in {@link Bsky} shortcuts; each call makes a new, independent instance.
 *
 * @example
 * const profile = await bsky(client).getProfile().actor('alice.bsky.social').send();
 * console.log(profile.displayName);
 */
export function bsky(client: Client, options: BskyOptions = {}): Bsky {
  return new Bsky(client, options);
}
