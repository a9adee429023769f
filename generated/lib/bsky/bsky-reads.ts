import type * as AppBskyActorGetProfile from '../../src/app/bsky/actor/getProfile.js';
import type * as AppBskyActorGetProfiles from '../../src/app/bsky/actor/getProfiles.js';
import type * as AppBskyActorSearchActors from '../../src/app/bsky/actor/searchActors.js';
import type * as AppBskyFeedGetAuthorFeed from '../../src/app/bsky/feed/getAuthorFeed.js';
import type * as AppBskyFeedGetLikes from '../../src/app/bsky/feed/getLikes.js';
import type * as AppBskyFeedGetPostThread from '../../src/app/bsky/feed/getPostThread.js';
import type * as AppBskyFeedGetPosts from '../../src/app/bsky/feed/getPosts.js';
import type * as AppBskyFeedGetRepostedBy from '../../src/app/bsky/feed/getRepostedBy.js';
import type * as AppBskyFeedGetTimeline from '../../src/app/bsky/feed/getTimeline.js';
import type * as AppBskyFeedSearchPosts from '../../src/app/bsky/feed/searchPosts.js';
import type * as AppBskyGraphGetFollowers from '../../src/app/bsky/graph/getFollowers.js';
import type * as AppBskyGraphGetFollows from '../../src/app/bsky/graph/getFollows.js';
import type * as AppBskyNotificationListNotifications from '../../src/app/bsky/notification/listNotifications.js';
import type { Client } from '../../src/client.js';

/**
 * The read side of {@link Bsky}: each method returns the generated request builder of an
 * `app.bsky` query, to complete and send. Most of these queries are answered by the AppView,
 * through the PDS.
 *
 * @example
 * const feed = await bsky(client).getAuthorFeed().actor('alice.bsky.social').limit(10).send();
 */
export class BskyReads {
  readonly #client: Client;

  constructor(client: Client) {
    this.#client = client;
  }

  /** The client every call goes through. */
  get client(): Client {
    return this.#client;
  }

  /** `app.bsky.actor.getProfile`: the detailed profile of one account. */
  getProfile(): AppBskyActorGetProfile.GetProfileRequest {
    return this.#client.app.bsky.actor.getProfile();
  }

  /** `app.bsky.actor.getProfiles`: the detailed profiles of several accounts. */
  getProfiles(): AppBskyActorGetProfiles.GetProfilesRequest {
    return this.#client.app.bsky.actor.getProfiles();
  }

  /** `app.bsky.feed.getTimeline`: the home timeline of the authenticated account. */
  getTimeline(): AppBskyFeedGetTimeline.GetTimelineRequest {
    return this.#client.app.bsky.feed.getTimeline();
  }

  /** `app.bsky.feed.getAuthorFeed`: the posts and reposts of one account. */
  getAuthorFeed(): AppBskyFeedGetAuthorFeed.GetAuthorFeedRequest {
    return this.#client.app.bsky.feed.getAuthorFeed();
  }

  /** `app.bsky.feed.getPostThread`: a post with its parents and replies. */
  getPostThread(): AppBskyFeedGetPostThread.GetPostThreadRequest {
    return this.#client.app.bsky.feed.getPostThread();
  }

  /** `app.bsky.feed.getPosts`: views of posts by AT URI. */
  getPosts(): AppBskyFeedGetPosts.GetPostsRequest {
    return this.#client.app.bsky.feed.getPosts();
  }

  /** `app.bsky.feed.getLikes`: the likes of a record. */
  getLikes(): AppBskyFeedGetLikes.GetLikesRequest {
    return this.#client.app.bsky.feed.getLikes();
  }

  /** `app.bsky.feed.getRepostedBy`: the accounts that reposted a post. */
  getRepostedBy(): AppBskyFeedGetRepostedBy.GetRepostedByRequest {
    return this.#client.app.bsky.feed.getRepostedBy();
  }

  /** `app.bsky.graph.getFollowers`: the accounts that follow one account. */
  getFollowers(): AppBskyGraphGetFollowers.GetFollowersRequest {
    return this.#client.app.bsky.graph.getFollowers();
  }

  /** `app.bsky.graph.getFollows`: the accounts one account follows. */
  getFollows(): AppBskyGraphGetFollows.GetFollowsRequest {
    return this.#client.app.bsky.graph.getFollows();
  }

  /** `app.bsky.feed.searchPosts`: posts matching a query. */
  searchPosts(): AppBskyFeedSearchPosts.SearchPostsRequest {
    return this.#client.app.bsky.feed.searchPosts();
  }

  /** `app.bsky.actor.searchActors`: accounts matching a query. */
  searchActors(): AppBskyActorSearchActors.SearchActorsRequest {
    return this.#client.app.bsky.actor.searchActors();
  }

  /** `app.bsky.notification.listNotifications`: the authenticated account's notifications. */
  listNotifications(): AppBskyNotificationListNotifications.ListNotificationsRequest {
    return this.#client.app.bsky.notification.listNotifications();
  }
}
