import { isBlobUpload } from './post-media.js';

import type { BlobRef } from '@lexforge/runtime';
import type { BlobInput, BlobUpload, MediaDraft } from './post-media.js';

/** Uploads bytes and returns the blob ref to put in a record. May throw: the post is not sent. */
export type BlobUploader = (upload: BlobUpload) => Promise<BlobRef>;

/** Where the media of a post go. */
export interface MediaUploaders {
  /** Uploads images and thumbnails (and videos, unless `uploadVideo` is set). */
  readonly uploadBlob: BlobUploader;
  /** Uploads videos. @default uploadBlob */
  readonly uploadVideo?: BlobUploader | undefined;
}

function uploaded(input: BlobInput, upload: BlobUploader): Promise<BlobRef> {
  return isBlobUpload(input) ? upload(input) : Promise.resolve(input);
}

async function uploadImages(
  media: Extract<MediaDraft, { kind: 'images' }>,
  upload: BlobUploader,
): Promise<MediaDraft> {
  const images = media.images.map(async (draft) => ({
    ...draft,
    image: await uploaded(draft.image, upload),
  }));

  return { kind: 'images', images: await Promise.all(images) };
}

async function uploadExternal(
  media: Extract<MediaDraft, { kind: 'external' }>,
  upload: BlobUploader,
): Promise<MediaDraft> {
  const { thumb } = media.external;

  if (thumb === undefined) return media;

  return {
    kind: 'external',
    external: { ...media.external, thumb: await uploaded(thumb, upload) },
  };
}

/**
 * Uploads the blobs of `media` that are still bytes, all at once, and returns the media with
 * their refs in place.
 *
 * @throws {Error} what an uploader throws
 * @example
 * const ready = await uploadMedia(media, { uploadBlob: blobUploader(client) });
 */
export async function uploadMedia(
  media: MediaDraft,
  uploaders: MediaUploaders,
): Promise<MediaDraft> {
  const { uploadBlob, uploadVideo = uploadBlob } = uploaders;

  switch (media.kind) {
    case 'images':
      return uploadImages(media, uploadBlob);
    case 'external':
      return uploadExternal(media, uploadBlob);
    case 'video':
      return {
        kind: 'video',
        video: { ...media.video, video: await uploaded(media.video.video, uploadVideo) },
      };
    case 'other':
      return media;
  }
}
