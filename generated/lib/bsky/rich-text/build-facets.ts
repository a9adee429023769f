import { detectFacets } from './detect-facets.js';
import { toFacets } from './facet-features.js';
import { mergeFacets } from './merge-facets.js';
import { resolveMentions } from './resolve-mentions.js';

import type * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';
import type { HandleResolver } from './handle-resolver.js';

/** How {@link buildFacets} resolves mentions and which facets it keeps as given. */
export interface BuildFacetsOptions {
  /** Resolves mentioned handles; see {@link handleResolver}. */
  readonly resolveHandle: HandleResolver;
  /** Facets to keep as they are; detected facets that overlap them are dropped. */
  readonly facets?: readonly AppBskyRichtextFacet.Main[] | undefined;
}

/**
 * Detects the facets of `text`, resolves its mentions, and merges in explicit facets: what a
 * post's `facets` field should hold. Unresolvable mentions stay plain text.
 *
 * @throws {Error} what the resolver throws
 * @example
 * const facets = await buildFacets('hi @alice.bsky.social', {
 *   resolveHandle: handleResolver(client),
 * });
 */
export async function buildFacets(
  text: string,
  options: BuildFacetsOptions,
): Promise<AppBskyRichtextFacet.Main[]> {
  const detected = detectFacets(text);
  const dids = await resolveMentions(detected, options.resolveHandle);

  return mergeFacets(options.facets ?? [], toFacets(detected, dids));
}
