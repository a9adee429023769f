import { toByteSlice } from './byte-slice.js';
import { findLinks } from './find-links.js';
import { findMentions } from './find-mentions.js';
import { findTags } from './find-tags.js';

import type { DetectedFacet, FoundFeature } from './detected-facet.js';

function withoutOverlaps(sorted: readonly FoundFeature[]): FoundFeature[] {
  const kept: FoundFeature[] = [];

  for (const found of sorted) {
    const last = kept.at(-1);

    if (last === undefined || found.span.start >= last.span.end) kept.push(found);
  }

  return kept;
}

/**
 * Finds the mentions, links and hashtags of `text`, in text order, each with its place in UTF-16
 * units and in UTF-8 bytes. Mentions carry the handle; {@link resolveMentions} turns them into
 * DIDs. Where two would overlap, the one that starts first is kept.
 *
 * @example
 * const [mention, link, tag] = detectFacets('🦋 @alice.bsky.social example.com #atproto');
 * mention.index; // { byteStart: 5, byteEnd: 23 }
 */
export function detectFacets(text: string): DetectedFacet[] {
  const found = [...findMentions(text), ...findLinks(text), ...findTags(text)].sort(
    (a, b) => a.span.start - b.span.start,
  );

  return withoutOverlaps(found).map((facet) => ({
    ...facet,
    index: toByteSlice(text, facet.span),
  }));
}
