import type { BinaryBody, BlobRef } from '@lexforge/runtime';

import type * as AppBskyEmbedExternal from '../../../src/app/bsky/embed/external.js';
import type * as AppBskyEmbedImages from '../../../src/app/bsky/embed/images.js';
import type * as AppBskyEmbedVideo from '../../../src/app/bsky/embed/video.js';
import type * as AppBskyFeedPost from '../../../src/app/bsky/feed/post.js';

/** Bytes to upload as a blob, and their MIME type. */
export interface BlobUpload {
  readonly data: BinaryBody;
  readonly mimeType: string;
}

/** A blob: already uploaded (its ref), or bytes to upload when the post is prepared. */
export type BlobInput = BlobRef | BlobUpload;

/** An image of a post: the blob, its alt text and optionally its aspect ratio. */
export type ImageDraft = Omit<AppBskyEmbedImages.Image, '$type' | 'image'> & {
  readonly image: BlobInput;
};

/** A link card: the page's URI, title and description, and optionally a thumbnail. */
export type ExternalDraft = Omit<AppBskyEmbedExternal.External, '$type' | 'thumb'> & {
  readonly thumb?: BlobInput | undefined;
};

/** A video of a post: the blob and optionally alt text, aspect ratio and captions. */
export type VideoDraft = Omit<AppBskyEmbedVideo.Main, '$type' | 'video'> & {
  readonly video: BlobInput;
};

/** The media of a post; `other` keeps an embed read from a record that this builder does not compose. */
export type MediaDraft =
  | { readonly kind: 'images'; readonly images: readonly ImageDraft[] }
  | { readonly kind: 'external'; readonly external: ExternalDraft }
  | { readonly kind: 'video'; readonly video: VideoDraft }
  | { readonly kind: 'other'; readonly embed: NonNullable<AppBskyFeedPost.Main['embed']> };

/**
 * Tests whether a blob input still has to be uploaded.
 *
 * @example
 * isBlobUpload({ data: bytes, mimeType: 'image/png' }); // true
 */
export function isBlobUpload(input: BlobInput): input is BlobUpload {
  return 'data' in input;
}

function blobInputs(media: MediaDraft): BlobInput[] {
  switch (media.kind) {
    case 'images':
      return media.images.map(({ image }) => image);
    case 'external':
      return media.external.thumb === undefined ? [] : [media.external.thumb];
    case 'video':
      return [media.video.video];
    case 'other':
      return [];
  }
}

/**
 * Counts the blobs of `media` still to upload.
 *
 * @example
 * pendingUploads({ kind: 'images', images: [{ image: { data, mimeType }, alt: '' }] }); // 1
 */
export function pendingUploads(media: MediaDraft | undefined): number {
  return media === undefined ? 0 : blobInputs(media).filter(isBlobUpload).length;
}
