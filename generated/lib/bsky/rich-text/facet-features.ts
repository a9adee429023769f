import * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';

import type { DetectedFacet } from './detected-facet.js';
import type { ResolvedHandles } from './resolve-mentions.js';

/** The `$type` of a mention feature. */
export const MENTION_TYPE = `${AppBskyRichtextFacet.NSID}#mention` as const;

/** The `$type` of a link feature. */
export const LINK_TYPE = `${AppBskyRichtextFacet.NSID}#link` as const;

/** The `$type` of a hashtag feature. */
export const TAG_TYPE = `${AppBskyRichtextFacet.NSID}#tag` as const;

/** A feature of a facet this package writes: a mention, a link or a hashtag. */
export type FacetFeature = AppBskyRichtextFacet.Main['features'][number];

function toFeature(facet: DetectedFacet, dids: ResolvedHandles): FacetFeature | undefined {
  const { feature } = facet;

  switch (feature.kind) {
    case 'mention': {
      const did = dids.get(feature.handle);

      return did === undefined ? undefined : { $type: MENTION_TYPE, did };
    }
    case 'link':
      return { $type: LINK_TYPE, uri: feature.uri };
    case 'tag':
      return { $type: TAG_TYPE, tag: feature.tag };
  }
}

/**
 * Turns detected facets into lexicon facets; a mention whose handle `dids` does not resolve is
 * left out (it stays plain text).
 *
 * @example
 * const facets = toFacets(detectFacets(text), await resolveMentions(detected, resolveHandle));
 */
export function toFacets(
  detected: readonly DetectedFacet[],
  dids: ResolvedHandles = new Map(),
): AppBskyRichtextFacet.Main[] {
  return detected.flatMap((facet) => {
    const feature = toFeature(facet, dids);

    return feature === undefined ? [] : [{ index: { ...facet.index }, features: [feature] }];
  });
}
