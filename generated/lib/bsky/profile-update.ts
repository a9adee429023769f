import { XrpcResponseError } from '@lexforge/runtime';

import * as AppBskyActorProfile from '../../src/app/bsky/actor/profile.js';
import * as ComAtprotoRepoPutRecord from '../../src/com/atproto/repo/putRecord.js';
import { checkRecord } from './check-record.js';

import type { RecordInput, StoredRecord, UnknownObject } from '@lexforge/runtime';
import type { Client } from '../../src/client.js';
import type { StrongRef } from './post/strong-ref.js';

/** A profile record's value; `$type` may be left out. */
export type ProfileValue = RecordInput<AppBskyActorProfile.Main>;

/**
 * Computes the next profile from the current one (`undefined` when there is none yet). It may be
 * called more than once, with a fresher current profile each time, when another write changes the
 * profile meanwhile; it may throw, and then nothing is written.
 */
export type ProfileUpdate = (
  current: AppBskyActorProfile.Main | undefined,
) => ProfileValue | Promise<ProfileValue>;

/** How many times a profile update is tried when concurrent writes keep changing the profile. */
export const PROFILE_UPDATE_ATTEMPTS = 3;

// the lexicon's record key is `literal:self`
const PROFILE_RKEY = AppBskyActorProfile.record.key.slice('literal:'.length);

function isMissing(error: unknown): boolean {
  return error instanceof XrpcResponseError && error.error === 'RecordNotFound';
}

async function readProfile(
  client: Client,
  repo: string,
): Promise<StoredRecord<AppBskyActorProfile.Main> | undefined> {
  try {
    return await client.app.bsky.actor.profile.get(PROFILE_RKEY, { repo });
  } catch (error) {
    if (isMissing(error)) return undefined;

    throw error;
  }
}

async function writeProfile(
  client: Client,
  repo: string,
  next: ProfileValue,
  swapRecord: string | null,
): Promise<StrongRef> {
  const value = { ...next, $type: AppBskyActorProfile.NSID };
  const record = checkRecord(AppBskyActorProfile.NSID, AppBskyActorProfile.mainSchema, value);
  const { uri, cid } = await client.com.atproto.repo
    .putRecord()
    .repo(repo)
    .collection(AppBskyActorProfile.NSID)
    .rkey(PROFILE_RKEY)
    .record(record as unknown as UnknownObject)
    .swapRecord(swapRecord)
    .send();

  return { uri, cid };
}

/**
 * Reads the profile record of `repo`, lets `update` compute the next one and writes it with
 * `putRecord`, swapping only the version it read; when another write got in between, it starts
 * over, up to {@link PROFILE_UPDATE_ATTEMPTS} times.
 *
 * @throws {XrpcValidationError} when the next profile breaks the lexicon
 * @throws {InvalidSwapError} when the profile kept changing under every attempt
 * @throws {Error} what `update` throws
 * @example
 * await updateProfileRecord(client, did, (current) => ({ ...current, displayName: 'Alice' }));
 */
export async function updateProfileRecord(
  client: Client,
  repo: string,
  update: ProfileUpdate,
): Promise<StrongRef> {
  for (let attempt = 1; ; attempt++) {
    const current = await readProfile(client, repo);
    const next = await update(current === undefined ? undefined : structuredClone(current.value));

    try {
      return await writeProfile(client, repo, next, current?.cid ?? null);
    } catch (error) {
      const retry = error instanceof ComAtprotoRepoPutRecord.InvalidSwapError;

      if (!retry || attempt >= PROFILE_UPDATE_ATTEMPTS) throw error;
    }
  }
}
