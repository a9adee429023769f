import { afterEach, describe, expect, test } from '@jest/globals';
import { VideoUploadError, videoServiceUploader } from '@lexforge/api/lib/bsky/video/index';
import { XrpcClient } from '@lexforge/runtime';

import { sendJson, startLoopbackServer } from '../../../../_util/loopback-server.js';
import { rejection } from '../../../../_util/rejection.js';

import type { LoopbackServer, ReceivedRequest } from '../../../../_util/loopback-server.js';
import type { ServerResponse } from 'node:http';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const BLOB = {
  $type: 'blob',
  ref: { $link: 'bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy' },
  mimeType: 'video/mp4',
  size: 4,
};
const VIDEO = { data: new Uint8Array([0, 0, 0, 24]), mimeType: 'video/mp4' };

let server: LoopbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A video service whose job reports `states` one status check after another. */
async function videoService(
  states: string[],
  limits: object = { canUpload: true },
): Promise<LoopbackServer> {
  let checks = 0;

  return startLoopbackServer((request: ReceivedRequest, response: ServerResponse) => {
    const nsid = new URL(request.url, 'http://loopback').pathname.slice('/xrpc/'.length);

    if (nsid === 'app.bsky.video.getUploadLimits') return sendJson(response, 200, limits);

    const state =
      states[nsid === 'app.bsky.video.uploadVideo' ? 0 : ++checks] ?? 'JOB_STATE_FAILED';
    const done = state === 'JOB_STATE_COMPLETED' ? { blob: BLOB } : {};
    const failed = state === 'JOB_STATE_FAILED' ? { error: 'Video too short' } : {};

    sendJson(response, 200, { jobStatus: { jobId: 'job-1', did: DID, state, ...done, ...failed } });
  });
}

function nsids(running: LoopbackServer): string[] {
  return running.requests.map(({ url }) => new URL(url, 'http://loopback').pathname.slice(6));
}

describe(videoServiceUploader, () => {
  test('sends the video, then checks the job until its blob is ready', async () => {
    server = await videoService(['JOB_STATE_CREATED', 'JOB_STATE_ENCODING', 'JOB_STATE_COMPLETED']);

    const upload = videoServiceUploader(new XrpcClient({ service: server.url }), {
      pollInterval: 1,
    });
    const blob = await upload(VIDEO);
    const sent = server.requests[1];

    expect(blob).toEqual(BLOB);
    expect(nsids(server)).toEqual([
      'app.bsky.video.getUploadLimits',
      'app.bsky.video.uploadVideo',
      'app.bsky.video.getJobStatus',
      'app.bsky.video.getJobStatus',
    ]);
    expect(sent?.headers['content-type']).toBe('video/mp4');
    expect([...(sent?.body ?? [])]).toEqual([...VIDEO.data]);
    expect(server.requests[2]?.url).toContain('jobId=job-1');
  });

  test('refuses to upload over the account limits, with the service message', async () => {
    server = await videoService([], { canUpload: false, message: 'Daily limit reached' });

    const upload = videoServiceUploader(new XrpcClient({ service: server.url }));
    const error = await rejection(upload(VIDEO));

    expect(error).toBeInstanceOf(VideoUploadError);
    expect(error).toMatchObject({ failure: 'limit', jobId: undefined });
    expect((error as Error).message).toBe('Video upload refused: Daily limit reached');
    expect(nsids(server)).toEqual(['app.bsky.video.getUploadLimits']);
  });

  test('reports a failed job with its id and reason', async () => {
    server = await videoService(['JOB_STATE_CREATED', 'JOB_STATE_FAILED']);

    const upload = videoServiceUploader(new XrpcClient({ service: server.url }), {
      pollInterval: 1,
    });
    const error = await rejection(upload(VIDEO));

    expect(error).toMatchObject({ failure: 'job', jobId: 'job-1' });
    expect((error as Error).message).toBe('Video job job-1 failed: Video too short');
  });

  test('stops waiting for the job when aborted', async () => {
    server = await videoService(['JOB_STATE_CREATED', 'JOB_STATE_ENCODING']);

    const controller = new AbortController();
    const client = new XrpcClient({ service: server.url });
    const upload = videoServiceUploader(client, {
      pollInterval: 60_000,
      signal: controller.signal,
    });
    const pending = rejection(upload(VIDEO));

    setTimeout(() => controller.abort(new Error('Upload cancelled')), 50);

    // the abort lands during a call or during the pause, either way before any status check
    expect(await pending).toBeInstanceOf(Error);
    expect(nsids(server)).not.toContain('app.bsky.video.getJobStatus');
  });
});
