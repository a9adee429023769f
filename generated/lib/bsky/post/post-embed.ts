import * as AppBskyEmbedExternal from '../../../src/app/bsky/embed/external.js';
import * as AppBskyEmbedImages from '../../../src/app/bsky/embed/images.js';
import * as AppBskyEmbedRecord from '../../../src/app/bsky/embed/record.js';
import * as AppBskyEmbedRecordWithMedia from '../../../src/app/bsky/embed/recordWithMedia.js';
import * as AppBskyEmbedVideo from '../../../src/app/bsky/embed/video.js';
import { isBlobUpload } from './post-media.js';
import { PostNotPreparedError } from './post-not-prepared-error.js';
import { toStrongRef } from './strong-ref.js';

import type { BlobRef } from '@lexforge/runtime';
import type * as AppBskyFeedPost from '../../../src/app/bsky/feed/post.js';
import type { BlobInput, MediaDraft } from './post-media.js';
import type { StrongRef } from './strong-ref.js';

/** The `embed` of a post. */
export type PostEmbed = NonNullable<AppBskyFeedPost.Main['embed']>;

type Media = AppBskyEmbedRecordWithMedia.Main['media'];

/** What a post embeds, apart: its media and the record it quotes. */
export interface EmbedParts {
  media?: MediaDraft | undefined;
  quote?: StrongRef | undefined;
}

function blobRef(input: BlobInput): BlobRef {
  if (isBlobUpload(input)) throw new PostNotPreparedError(0, 1);

  return input;
}

function toMedia(media: MediaDraft): Media {
  switch (media.kind) {
    case 'images': {
      const images = media.images.map((image) => ({ ...image, image: blobRef(image.image) }));

      return { $type: AppBskyEmbedImages.NSID, images };
    }
    case 'external': {
      const { thumb, ...external } = media.external;
      const card = thumb === undefined ? external : { ...external, thumb: blobRef(thumb) };

      return { $type: AppBskyEmbedExternal.NSID, external: card };
    }
    case 'video':
      return { $type: AppBskyEmbedVideo.NSID, ...media.video, video: blobRef(media.video.video) };
    case 'other':
      // read from a record, where it was media already (or the whole embed, when not quoting)
      return media.embed as Media;
  }
}

function quoteOf(quote: StrongRef): AppBskyEmbedRecord.Main & { $type: string } {
  return { $type: AppBskyEmbedRecord.NSID, record: toStrongRef(quote) };
}

/**
 * Composes the `embed` of a post: media alone, a quote alone (`app.bsky.embed.record`), or both
 * (`app.bsky.embed.recordWithMedia`).
 *
 * @throws {PostNotPreparedError} when a blob is still bytes to upload
 * @example
 * assembleEmbed({ quote: { uri, cid } }); // { $type: 'app.bsky.embed.record', record: { uri, cid } }
 */
export function assembleEmbed({ media, quote }: EmbedParts): PostEmbed | undefined {
  if (quote === undefined) return media === undefined ? undefined : toMedia(media);

  if (media === undefined) return quoteOf(quote);

  return { $type: AppBskyEmbedRecordWithMedia.NSID, record: quoteOf(quote), media: toMedia(media) };
}

function toMediaDraft(media: Media | PostEmbed): MediaDraft {
  switch (media.$type) {
    case AppBskyEmbedImages.NSID:
      return { kind: 'images', images: (media as AppBskyEmbedImages.Main).images };
    case AppBskyEmbedExternal.NSID:
      return { kind: 'external', external: (media as AppBskyEmbedExternal.Main).external };
    case AppBskyEmbedVideo.NSID: {
      const { $type, ...video } = media as AppBskyEmbedVideo.Main;

      return { kind: 'video', video };
    }
    default:
      return { kind: 'other', embed: media };
  }
}

/**
 * Splits a post's `embed` into media and quote, the inverse of {@link assembleEmbed}; an embed of
 * another kind is kept whole as `other` media.
 *
 * @example
 * splitEmbed(record.embed); // { media: { kind: 'images', images: [...] }, quote: { uri, cid } }
 */
export function splitEmbed(embed: PostEmbed | undefined): EmbedParts {
  if (embed === undefined) return {};

  switch (embed.$type) {
    case AppBskyEmbedRecord.NSID:
      return { quote: toStrongRef((embed as AppBskyEmbedRecord.Main).record) };
    case AppBskyEmbedRecordWithMedia.NSID: {
      const { record, media } = embed as AppBskyEmbedRecordWithMedia.Main;

      return { quote: toStrongRef(record.record), media: toMediaDraft(media) };
    }
    default:
      return { media: toMediaDraft(embed) };
  }
}
