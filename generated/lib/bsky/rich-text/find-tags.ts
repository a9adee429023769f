import * as v from 'valibot';

import * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';

import type { FoundFeature } from './detected-facet.js';

const HASHES = new Set(['#', '＃']);
const FOLLOWS_SPACE = /\s$/u;
// whitespace and invisible characters end a tag; a joiner inside an emoji sequence belongs to the
// emoji's grapheme, so it does not
const TAG_END = /^(?:\s|\u00ad|[\u200a-\u200d]|\u2060|\u20e2)/u;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
const NOT_ONLY_DIGITS = /[^0-9\p{P}]/u;

let segmenter: Intl.Segmenter | undefined;

function graphemesOf(text: string): Intl.SegmentData[] {
  segmenter ??= new Intl.Segmenter();

  return [...segmenter.segment(text)];
}

function startsTag(graphemes: readonly Intl.SegmentData[], at: number): boolean {
  const before = graphemes[at - 1];

  return (
    HASHES.has(graphemes[at]?.segment ?? '') &&
    (before === undefined || FOLLOWS_SPACE.test(before.segment))
  );
}

function bodyAfter(graphemes: readonly Intl.SegmentData[], from: number): string {
  let body = '';

  for (let at = from; at < graphemes.length; at++) {
    const grapheme = graphemes[at]?.segment ?? '';

    if (TAG_END.test(grapheme)) break;

    body += grapheme;
  }

  return body;
}

function isTag(tag: string): boolean {
  return NOT_ONLY_DIGITS.test(tag) && v.is(AppBskyRichtextFacet.tagSchema, { tag });
}

function tagAt(graphemes: readonly Intl.SegmentData[], at: number): FoundFeature | undefined {
  const hash = graphemes[at];

  if (hash === undefined || !startsTag(graphemes, at)) return undefined;

  const tag = bodyAfter(graphemes, at + 1).replace(TRAILING_PUNCTUATION, '');
  const start = hash.index;
  const end = start + hash.segment.length + tag.length;

  return isTag(tag) ? { span: { start, end }, feature: { kind: 'tag', tag } } : undefined;
}

/**
 * Finds hashtags as the Bluesky app does: `#` or the full-width `＃` as a grapheme of its own, at
 * the start of the text or after whitespace, then everything up to the next whitespace or
 * invisible character, less trailing punctuation. A tag of only digits and punctuation is none, a
 * tag over the lexicon's limit (64 graphemes) is dropped whole, and `#️⃣` is an emoji, not a tag.
 *
 * @example
 * findTags('#atproto, ＃日本 #2024'); // atproto and 日本; 2024 is a number
 */
export function findTags(text: string): FoundFeature[] {
  const graphemes = graphemesOf(text);
  const found: FoundFeature[] = [];

  for (let at = 0; at < graphemes.length; at++) {
    const tag = tagAt(graphemes, at);

    if (tag !== undefined) found.push(tag);
  }

  return found;
}
