import type * as AppBskyRichtextFacet from '@lexforge/api/app/bsky/richtext/facet';

/** A byte slice computed with Buffer, independently of the code under test. */
export interface ExpectedSlice {
  byteStart: number;
  byteEnd: number;
}

/** The UTF-16 index of the `occurrence`-th (from 0) appearance of `needle` in `text`. */
export function indexOfOccurrence(text: string, needle: string, occurrence = 0): number {
  let index = -1;

  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);

    if (index === -1) throw new Error(`Needle not in text: ${needle} (#${occurrence})`);
  }

  return index;
}

/** Where `needle` (its `occurrence`-th appearance) lies in the UTF-8 bytes of `text`. */
export function expectedSlice(text: string, needle: string, occurrence = 0): ExpectedSlice {
  const byteStart = Buffer.byteLength(text.slice(0, indexOfOccurrence(text, needle, occurrence)));

  return { byteStart, byteEnd: byteStart + Buffer.byteLength(needle) };
}

/** The text a byte slice covers, decoded from the UTF-8 bytes of `text`. */
export function sliceBytes(text: string, index: AppBskyRichtextFacet.ByteSlice): string {
  return Buffer.from(text, 'utf8').subarray(index.byteStart, index.byteEnd).toString('utf8');
}

/** Counts user-perceived characters with the platform's segmenter. */
export function graphemes(text: string): number {
  return [...new Intl.Segmenter().segment(text)].length;
}
