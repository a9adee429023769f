import { isAtUri, parseAtUri } from '@lexforge/runtime';

/** Where a record is: its repository (DID or handle) and its record key. */
export interface RecordLocation {
  readonly repo: string;
  readonly rkey: string;
}

/**
 * Reads the repository and record key of the AT URI of a record of `collection`.
 *
 * @throws {TypeError} when `uri` is not the AT URI of a record of that collection
 * @example
 * recordLocation('at://did:plc:abc/app.bsky.feed.like/3k2a', 'app.bsky.feed.like');
 * // { repo: 'did:plc:abc', rkey: '3k2a' }
 */
export function recordLocation(uri: string, collection: string): RecordLocation {
  const parts = isAtUri(uri) ? parseAtUri(uri) : undefined;

  if (parts?.collection !== collection || parts.rkey === undefined) {
    throw new TypeError(`Wrong record URI for ${collection}: ${uri}`);
  }

  return { repo: parts.repo, rkey: parts.rkey };
}
