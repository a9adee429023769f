import { isDid } from '@lexforge/runtime';

import type { DetectedFacet } from './detected-facet.js';
import type { HandleResolver } from './handle-resolver.js';

/** Handles mapped to their DID, or to `undefined` when they resolve to no account. */
export type ResolvedHandles = ReadonlyMap<string, string | undefined>;

/**
 * Lists the distinct handles mentioned in `facets` that `known` does not hold yet.
 *
 * @example
 * unresolvedHandles(detectFacets('@a.test @b.test @a.test'), new Map([['b.test', undefined]]));
 * // ['a.test']
 */
export function unresolvedHandles(
  facets: readonly DetectedFacet[],
  known: ResolvedHandles = new Map(),
): string[] {
  const handles = facets.flatMap(({ feature }) =>
    feature.kind === 'mention' ? feature.handle : [],
  );

  return [...new Set(handles)].filter((handle) => !known.has(handle));
}

async function resolveOne(
  handle: string,
  resolveHandle: HandleResolver,
): Promise<readonly [string, string | undefined]> {
  const did = await resolveHandle(handle);

  if (did !== undefined && !isDid(did)) {
    throw new TypeError(`Handle resolved to a non-DID: ${handle} -> ${JSON.stringify(did)}`);
  }

  return [handle, did] as const;
}

/**
 * Resolves each distinct handle mentioned in `facets` once, all at once, skipping those `known`
 * already holds; returns `known` completed.
 *
 * @throws {TypeError} when the resolver returns something that is not a DID
 * @throws {Error} what the resolver throws
 * @example
 * const dids = await resolveMentions(detectFacets(text), handleResolver(client));
 */
export async function resolveMentions(
  facets: readonly DetectedFacet[],
  resolveHandle: HandleResolver,
  known: ResolvedHandles = new Map(),
): Promise<ResolvedHandles> {
  const pending = unresolvedHandles(facets, known);
  const resolved = await Promise.all(pending.map((handle) => resolveOne(handle, resolveHandle)));

  return new Map([...known, ...resolved]);
}
