import { LexforgeError } from '@lexforge/runtime';

/** Why the video service did not give a blob. */
export type VideoUploadFailure = 'limit' | 'job';

/**
 * A video the video service refused: over the account's upload limits (`limit`), or its
 * processing job failed (`job`).
 *
 * @example
 * // Video upload refused: Daily upload limit reached
 * if (error instanceof VideoUploadError && error.failure === 'limit') askToRetryTomorrow();
 */
export class VideoUploadError extends LexforgeError {
  override readonly name: string = 'VideoUploadError';

  readonly failure: VideoUploadFailure;

  /** The processing job, when there was one. */
  readonly jobId: string | undefined;

  constructor(failure: VideoUploadFailure, reason: string, jobId?: string) {
    const subject = failure === 'limit' ? 'Video upload refused' : `Video job ${jobId} failed`;

    super(`${subject}: ${reason}`);
    this.failure = failure;
    this.jobId = jobId;
  }
}
