import { formatDatetime } from '@lexforge/runtime';

import * as AppBskyFeedPost from '../../../src/app/bsky/feed/post.js';
import { assembleEmbed, splitEmbed } from './post-embed.js';

import type * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';
import type { EmbedParts } from './post-embed.js';

/** Everything a post builder holds, apart from resolved mentions. */
export interface PostDraft extends EmbedParts {
  text: string;
  /** Whether mentions, links and tags are detected in the text. */
  detect: boolean;
  /** Facets given explicitly. */
  facets?: AppBskyRichtextFacet.Main[] | undefined;
  langs?: string[] | undefined;
  labels?: AppBskyFeedPost.Main['labels'] | undefined;
  tags?: string[] | undefined;
  createdAt?: string | undefined;
  reply?: AppBskyFeedPost.ReplyRef | undefined;
  /** Fields of a record read by `fromJSON` that the builder has no setter for, kept as they are. */
  extra: Readonly<Record<string, unknown>>;
}

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

function defined<T extends object>(fields: T): Defined<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Defined<T>;
}

/**
 * Writes the record of a draft with the given facets; `createdAt` is now unless the draft sets it.
 *
 * @throws {PostNotPreparedError} when a blob of the embed is still bytes to upload
 */
export function assemblePost(
  draft: PostDraft,
  facets: AppBskyRichtextFacet.Main[] | undefined,
): AppBskyFeedPost.Main {
  const { text, reply, langs, labels, tags } = draft;
  const embed = assembleEmbed(draft);

  return {
    ...draft.extra,
    $type: AppBskyFeedPost.NSID,
    text,
    ...defined({ facets, reply, embed, langs, labels, tags }),
    createdAt: draft.createdAt ?? formatDatetime(),
  };
}

/** Reads a record back into a draft: its facets as explicit ones, detection off. */
export function decomposePost(record: AppBskyFeedPost.Main): PostDraft {
  const { $type, text, facets, reply, embed, langs, labels, tags, createdAt, ...extra } = record;

  return {
    text,
    detect: false,
    facets,
    reply,
    langs,
    labels,
    tags,
    createdAt,
    extra,
    ...splitEmbed(embed),
  };
}
