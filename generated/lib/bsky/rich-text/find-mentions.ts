import { isHandle } from '@lexforge/runtime';

import { isKnownTld } from './known-tlds.js';

import type { FoundFeature } from './detected-facet.js';

// `@` at the start of the text, after whitespace or after an opening parenthesis
const MENTION = /(?<=^|[\s(])@([a-z0-9.-]+)/giu;
const TRAILING_SEPARATORS = /[.-]+$/;
// a character that would make the handle part of a longer word, e.g. `@alice.testé`
const WORD_CONTINUES = /^[\p{L}\p{N}\p{M}\p{Pc}@]/u;
// @NOTE `.test` is reserved for testing (RFC 2606); the Bluesky app links such handles too, which
// lets mentions work against a local network.
const TEST_TLD = 'test';

function isMentionable(handle: string): boolean {
  const tld = handle.slice(handle.lastIndexOf('.') + 1);

  return isHandle(handle) && (isKnownTld(tld) || tld.toLowerCase() === TEST_TLD);
}

function toMention(text: string, match: RegExpExecArray): FoundFeature | undefined {
  const handle = (match[1] ?? '').replace(TRAILING_SEPARATORS, '');
  const start = match.index;
  const end = start + 1 + handle.length;

  if (!isMentionable(handle) || WORD_CONTINUES.test(text.slice(end, end + 2))) return undefined;

  return { span: { start, end }, feature: { kind: 'mention', handle: handle.toLowerCase() } };
}

/**
 * Finds `@handle` mentions: a syntactically valid handle under a known top-level domain (or
 * `.test`), after the start of the text, whitespace or `(`. Handles are lower-cased; trailing dots
 * and hyphens are left out.
 *
 * @example
 * findMentions('cc @alice.bsky.social.'); // one mention of alice.bsky.social, span 3 to 21
 */
export function findMentions(text: string): FoundFeature[] {
  const found: FoundFeature[] = [];

  for (const match of text.matchAll(MENTION)) {
    const mention = toMention(text, match);

    if (mention !== undefined) found.push(mention);
  }

  return found;
}
