import { isUri } from '@lexforge/runtime';

import { isKnownTld } from './known-tlds.js';
import { trimLinkEnd } from './link-end.js';

import type { FoundFeature } from './detected-facet.js';

// a run of non-space characters at the start, after whitespace or after an opening parenthesis
const CANDIDATE_SOURCE = String.raw`(?<=^|[\s(])[^\s(]\S*`;
const WEB_URL = /^https?:\/\/./i;
// a host name followed by the end, a port, a path, a query or a fragment; group 1 is its TLD
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z0-9-]+)(?=$|[/?#:])/i;

function toUri(candidate: string): string | undefined {
  if (WEB_URL.test(candidate)) return candidate;

  const tld = BARE_HOST.exec(candidate)?.[1];

  return tld !== undefined && isKnownTld(tld) ? `https://${candidate}` : undefined;
}

function isLink(uri: string | undefined): uri is string {
  return uri !== undefined && isUri(uri) && URL.canParse(uri);
}

// a candidate that is no link may still hold one after a `(`, e.g. `see(https://a.com)`
function nextCandidate(candidate: string, start: number): number {
  const paren = candidate.indexOf('(');

  return start + (paren === -1 ? candidate.length : paren + 1);
}

/**
 * Finds links: `http://` and `https://` URLs, and bare domains under a known top-level domain
 * (`example.com/path`, linked as `https://example.com/path`), after the start of the text,
 * whitespace or `(`. Trailing punctuation is left out of the link.
 *
 * @example
 * findLinks('see example.com/a, then'); // one link to https://example.com/a, span 4 to 17
 */
export function findLinks(text: string): FoundFeature[] {
  const found: FoundFeature[] = [];
  const candidates = new RegExp(CANDIDATE_SOURCE, 'gu');

  for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
    const linked = trimLinkEnd(match[0]);
    const uri = toUri(linked);
    const start = match.index;

    if (isLink(uri)) {
      found.push({ span: { start, end: start + linked.length }, feature: { kind: 'link', uri } });
      candidates.lastIndex = start + linked.length;
    } else {
      candidates.lastIndex = nextCandidate(match[0], start);
    }
  }

  return found;
}
