import { XrpcResponseError } from '@lexforge/runtime';

import * as ComAtprotoIdentityResolveHandle from '../../../src/com/atproto/identity/resolveHandle.js';

import type { XrpcClient } from '@lexforge/runtime';

/**
 * Resolves a handle to its DID, or to `undefined` when the handle resolves to no account. May
 * throw when resolution itself fails (e.g. the network): the mention is then not silently lost.
 */
export type HandleResolver = (handle: string) => Promise<string | undefined>;

// the PDS answers 400 (HandleNotFound, or InvalidRequest "Unable to resolve handle") for a handle
// it cannot resolve; other failures are the resolver's, not the handle's
function isUnresolvable(error: unknown): boolean {
  return error instanceof XrpcResponseError && error.status === 400;
}

/**
 * A {@link HandleResolver} that asks the client's service (`com.atproto.identity.resolveHandle`).
 *
 * @example
 * const resolveHandle = handleResolver(client);
 * await resolveHandle('alice.bsky.social'); // 'did:plc:...'
 */
export function handleResolver(client: XrpcClient): HandleResolver {
  return async (handle) => {
    try {
      const { did } = await ComAtprotoIdentityResolveHandle.resolveHandle(client)
        .handle(handle)
        .send();

      return did;
    } catch (error) {
      if (isUnresolvable(error)) return undefined;

      throw error;
    }
  };
}
