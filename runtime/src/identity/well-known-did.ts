import { isDid } from '../syntax/did.js';
import { readLimitedText } from './read-limited-text.js';

import type { Did } from '../syntax/did.js';
import type { Handle } from '../syntax/handle.js';

/** The path a handle's host serves its DID at, as plain text. */
export const WELL_KNOWN_DID_PATH = '/.well-known/atproto-did';

// A DID is at most 2048 characters; the rest allows for stray whitespace.
const BODY_LIMIT = 4096;

/** The URL a handle's DID is fetched from: HTTPS on the default port, as the handle spec asks. */
export function wellKnownDidUrl(handle: Handle): URL {
  return new URL(`https://${handle}${WELL_KNOWN_DID_PATH}`);
}

async function readDid(response: Response, url: URL): Promise<Did> {
  const text = await readLimitedText(response, BODY_LIMIT);
  const did = text?.trim();

  if (did === undefined || !isDid(did)) throw new Error(`Well-known DID not a DID: ${url.href}`);

  return did;
}

/**
 * Fetches `https://<handle>/.well-known/atproto-did`, following redirects, and returns the DID its
 * body holds (surrounding whitespace trimmed).
 *
 * @throws Error when the request fails, the status is not a success, or the body is not a DID
 */
export async function fetchWellKnownDid(
  handle: Handle,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal,
): Promise<Did[]> {
  const url = wellKnownDidUrl(handle);
  const response = await fetch(url, { signal, redirect: 'follow' });

  if (!response.ok) {
    await response.body?.cancel();

    throw new Error(`Well-known DID not served: ${url.href} (HTTP ${response.status})`);
  }

  return [await readDid(response, url)];
}
