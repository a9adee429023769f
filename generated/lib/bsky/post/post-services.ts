import * as ComAtprotoRepoUploadBlob from '../../../src/com/atproto/repo/uploadBlob.js';
import { handleResolver } from '../rich-text/handle-resolver.js';

import type { XrpcClient } from '@lexforge/runtime';
import type { HandleResolver } from '../rich-text/handle-resolver.js';
import type { BlobUploader, MediaUploaders } from './upload-media.js';

/** What preparing a post needs: a way to resolve mentions and ways to upload media. */
export interface PostServices extends MediaUploaders {
  /** Resolves mentioned handles; a mention it cannot resolve stays plain text. */
  readonly resolveHandle: HandleResolver;
}

/**
 * A {@link BlobUploader} that sends the bytes to the client's PDS (`com.atproto.repo.uploadBlob`).
 *
 * @example
 * const blob = await blobUploader(client)({ data: png, mimeType: 'image/png' });
 */
export function blobUploader(client: XrpcClient): BlobUploader {
  return async ({ data, mimeType }) => {
    const { blob } = await ComAtprotoRepoUploadBlob.uploadBlob(client).body(data, mimeType).send();

    return blob;
  };
}

/**
 * The services of a client for preparing posts: `resolveHandle` and `uploadBlob` through the
 * client, videos through `uploadBlob` too unless `overrides` gives `uploadVideo`.
 *
 * @example
 * await post('hi @alice.bsky.social').prepare(postServices(client));
 */
export function postServices(
  client: XrpcClient,
  overrides: Partial<PostServices> = {},
): PostServices {
  return {
    resolveHandle: overrides.resolveHandle ?? handleResolver(client),
    uploadBlob: overrides.uploadBlob ?? blobUploader(client),
    uploadVideo: overrides.uploadVideo,
  };
}
