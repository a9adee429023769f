import { Client } from '@lexforge/api/client';

import { testPds } from '../../../_util/pds.js';

import type { TestAccount } from '../../../_util/pds.js';

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The start of an MP4 file: an `ftyp` box with the `isom` brand. */
export const MP4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

/**
 * A client of the test PDS logged in as `account`, through its saved session: `authenticate`
 * uses the access token as it is, without a `createSession` round trip.
 */
export async function loggedIn(account: TestAccount): Promise<Client> {
  const client = new Client({ service: testPds().url });
  const { accessJwt, refreshJwt, handle, did } = account;

  await client.authenticate(account.handle, account.password, {
    accessJwt,
    refreshJwt,
    handle,
    did,
  });

  return client;
}

/** The record key at the end of an AT URI. */
export function rkeyOf(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
