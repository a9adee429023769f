import type * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';

/** A span of a string in UTF-16 code units, as JavaScript indexes strings; `end` is exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** What a detected facet points at: a handle still to resolve, a link or a hashtag. */
export type DetectedFeature =
  | { readonly kind: 'mention'; readonly handle: string }
  | { readonly kind: 'link'; readonly uri: string }
  | { readonly kind: 'tag'; readonly tag: string };

/** A feature found in text, placed in UTF-16 units. */
export interface FoundFeature {
  readonly span: TextSpan;
  readonly feature: DetectedFeature;
}

/**
 * A mention, link or hashtag found in text: where it is, in UTF-16 units (`span`) and in UTF-8
 * bytes (`index`, as facets count), and what it points at.
 */
export interface DetectedFacet extends FoundFeature {
  readonly index: AppBskyRichtextFacet.ByteSlice;
}
