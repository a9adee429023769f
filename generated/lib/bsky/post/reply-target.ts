import * as v from 'valibot';

import * as AppBskyFeedPost from '../../../src/app/bsky/feed/post.js';
import { toStrongRef } from './strong-ref.js';

import type { StrongRef } from './strong-ref.js';

/**
 * The post a reply answers: its strong ref with its record, from which the thread's root is read,
 * or the root and parent refs themselves.
 */
export type ReplyTarget =
  | (StrongRef & { readonly record: object })
  | { readonly root: StrongRef; readonly parent: StrongRef };

function rootOf(parent: StrongRef, record: object): StrongRef {
  const reply: unknown = (record as { reply?: unknown }).reply;

  if (reply === undefined) return parent;

  const parsed = v.safeParse(AppBskyFeedPost.replyRefSchema, reply);

  if (!parsed.success) throw new TypeError(`Reply parent with an invalid reply ref: ${parent.uri}`);

  return toStrongRef(parsed.output.root);
}

/**
 * Builds the `reply` field of a post: given the parent post and its record, the root is the
 * parent's own root when the parent is a reply, else the parent itself.
 *
 * @throws {TypeError} when the parent record's `reply` is malformed
 * @example
 * toReplyRef({ uri, cid, record: parentRecord }); // { root, parent: { uri, cid } }
 */
export function toReplyRef(target: ReplyTarget): AppBskyFeedPost.ReplyRef {
  if ('root' in target) {
    return { root: toStrongRef(target.root), parent: toStrongRef(target.parent) };
  }

  const parent = toStrongRef(target);

  return { root: rootOf(parent, target.record), parent };
}
