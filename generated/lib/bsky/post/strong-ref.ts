import type * as ComAtprotoRepoStrongRef from '../../../src/com/atproto/repo/strongRef.js';

/** A reference to one version of a record: its AT URI and its CID. */
export type StrongRef = Pick<ComAtprotoRepoStrongRef.Main, 'uri' | 'cid'>;

/**
 * Copies the `uri` and `cid` of `ref`, leaving out whatever else it carries (e.g. a post view's
 * `author`), so that it can go into a record.
 *
 * @example
 * toStrongRef(postView); // { uri: 'at://...', cid: 'bafy...' }
 */
export function toStrongRef(ref: StrongRef): StrongRef {
  return { uri: ref.uri, cid: ref.cid };
}
