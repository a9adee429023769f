import * as AppBskyVideoGetJobStatus from '../../../src/app/bsky/video/getJobStatus.js';
import * as AppBskyVideoGetUploadLimits from '../../../src/app/bsky/video/getUploadLimits.js';
import * as AppBskyVideoUploadVideo from '../../../src/app/bsky/video/uploadVideo.js';
import { VideoUploadError } from './video-upload-error.js';

import type { BlobRef, CallOptions, XrpcClient } from '@lexforge/runtime';
import type * as AppBskyVideoDefs from '../../../src/app/bsky/video/defs.js';
import type { BlobUploader } from '../post/upload-media.js';

/** How {@link videoServiceUploader} waits for the processing job. */
export interface VideoServiceOptions {
  /**
   * Milliseconds between two checks of the job's status.
   * @default 1000
   */
  readonly pollInterval?: number | undefined;
  /** Stops the upload and the wait. */
  readonly signal?: AbortSignal | undefined;
}

const DEFAULT_POLL_INTERVAL = 1000;
const FAILED = 'JOB_STATE_FAILED';

function pause(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();

  return new Promise((resolve, reject) => {
    const abort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, milliseconds);

    signal?.addEventListener('abort', abort, { once: true });
  });
}

async function assertCanUpload(service: XrpcClient, call: CallOptions): Promise<void> {
  const limits = await AppBskyVideoGetUploadLimits.getUploadLimits(service).send(call);

  if (!limits.canUpload) {
    throw new VideoUploadError('limit', limits.message ?? limits.error ?? 'no reason given');
  }
}

async function awaitBlob(
  service: XrpcClient,
  first: AppBskyVideoDefs.JobStatus,
  options: VideoServiceOptions,
): Promise<BlobRef> {
  const call = { signal: options.signal };

  for (let status = first; ;) {
    if (status.blob !== undefined) return status.blob;

    if (status.state === FAILED) {
      throw new VideoUploadError(
        'job',
        status.error ?? status.message ?? 'no reason given',
        status.jobId,
      );
    }

    await pause(options.pollInterval ?? DEFAULT_POLL_INTERVAL, options.signal);
    ({ jobStatus: status } = await AppBskyVideoGetJobStatus.getJobStatus(service)
      .jobId(status.jobId)
      .send(call));
  }
}

/**
 * A {@link BlobUploader} for videos that goes through a video service: it checks the account's
 * upload limits (`app.bsky.video.getUploadLimits`), sends the bytes (`uploadVideo`), then asks for
 * the job's status (`getJobStatus`) until the processed video's blob is ready.
 *
 * @NOTE Not testable here: the local PDS offers no video service, so only the PDS fallback
 * (`uploadBlob` and an `app.bsky.embed.video` embed) runs against a real server in this project.
 * The Bluesky video service also wants a service-auth token (from
 * `com.atproto.server.getServiceAuth`) and `did` and `name` query params the lexicon does not
 * declare: `service` must be a client that adds them, e.g. through its `headers` and `fetch`.
 *
 * @example
 * bsky(client, { uploadVideo: videoServiceUploader(videoClient) });
 */
export function videoServiceUploader(
  service: XrpcClient,
  options: VideoServiceOptions = {},
): BlobUploader {
  const call = { signal: options.signal };

  return async ({ data, mimeType }) => {
    await assertCanUpload(service, call);

    const upload = AppBskyVideoUploadVideo.uploadVideo(service).body(data, mimeType);
    const { jobStatus } = await upload.send(call);

    return awaitBlob(service, jobStatus, options);
  };
}
