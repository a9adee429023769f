import type * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';

type Facet = AppBskyRichtextFacet.Main;
type ByteSlice = AppBskyRichtextFacet.ByteSlice;

function overlaps(a: ByteSlice, b: ByteSlice): boolean {
  return a.byteStart < b.byteEnd && b.byteStart < a.byteEnd;
}

/**
 * Tests whether a byte slice overlaps none of `facets`.
 *
 * @example
 * isFreeSlice({ byteStart: 0, byteEnd: 4 }, [{ index: { byteStart: 2, byteEnd: 6 }, features }]); // false
 */
export function isFreeSlice(slice: ByteSlice, facets: readonly Facet[]): boolean {
  return !facets.some((facet) => overlaps(facet.index, slice));
}

/**
 * Merges facets given explicitly with detected ones: every explicit facet is kept, a detected one
 * only where it overlaps none of them; the result is sorted by start.
 *
 * @example
 * mergeFacets([customLink], toFacets(detectFacets(text), dids));
 */
export function mergeFacets(explicit: readonly Facet[], detected: readonly Facet[]): Facet[] {
  const free = detected.filter((facet) => isFreeSlice(facet.index, explicit));

  return [...explicit, ...free].sort((a, b) => a.index.byteStart - b.index.byteStart);
}
