import { describe, expect, test } from '@jest/globals';
import { detectFacets } from '@lexforge/api/lib/bsky/rich-text/index';

import { expectedSlice, sliceBytes } from '../facet-expectations.js';

import type { DetectedFeature } from '@lexforge/api/lib/bsky/rich-text/index';

interface Expected {
  /** The text the facet covers. */
  covers: string;
  /** Which appearance of `covers` in the text, from 0. */
  occurrence?: number;
  feature: DetectedFeature;
}

const mention = (handle: string): DetectedFeature => ({ kind: 'mention', handle });
const link = (uri: string): DetectedFeature => ({ kind: 'link', uri });
const tag = (name: string): DetectedFeature => ({ kind: 'tag', tag: name });

const cases: { name: string; text: string; expected: Expected[] }[] = [
  {
    name: 'a mention after an emoji ZWJ sequence',
    text: '👩‍👩‍👧‍👦 hi @alice.test!',
    expected: [{ covers: '@alice.test', feature: mention('alice.test') }],
  },
  {
    name: 'a link after flags and skin tones',
    text: '🇫🇷🇯🇵 👍🏽👋🏿 see https://example.com/a.',
    expected: [{ covers: 'https://example.com/a', feature: link('https://example.com/a') }],
  },
  {
    name: 'combining accents inside a tag and before a mention',
    text: 'cafe\u0301 #re\u0301sume\u0301 @bob.test',
    expected: [
      { covers: '#re\u0301sume\u0301', feature: tag('re\u0301sume\u0301') },
      { covers: '@bob.test', feature: mention('bob.test') },
    ],
  },
  {
    name: 'CJK text around a tag and a link',
    text: '東京で #日本 と https://example.jp/東京 を見て',
    expected: [
      { covers: '#日本', feature: tag('日本') },
      { covers: 'https://example.jp/東京', feature: link('https://example.jp/東京') },
    ],
  },
  {
    name: 'repeated mentions and tags, each at its own place',
    text: '@alice.test 🦋 @alice.test again #go 🦋 #go',
    expected: [
      { covers: '@alice.test', feature: mention('alice.test') },
      { covers: '@alice.test', occurrence: 1, feature: mention('alice.test') },
      { covers: '#go', feature: tag('go') },
      { covers: '#go', occurrence: 1, feature: tag('go') },
    ],
  },
  {
    name: 'links with trailing punctuation',
    text: 'Read https://example.com/x. Or (https://example.com/y), https://example.com/z!! and https://en.wikipedia.org/wiki/Pi_(letter)?',
    expected: [
      { covers: 'https://example.com/x', feature: link('https://example.com/x') },
      { covers: 'https://example.com/y', feature: link('https://example.com/y') },
      { covers: 'https://example.com/z', feature: link('https://example.com/z') },
      {
        covers: 'https://en.wikipedia.org/wiki/Pi_(letter)',
        feature: link('https://en.wikipedia.org/wiki/Pi_(letter)'),
      },
    ],
  },
  {
    name: 'bare domains under known top-level domains',
    text: 'visit example.com/path, bsky.app! not node.js, e.g. or file.txt',
    expected: [
      { covers: 'example.com/path', feature: link('https://example.com/path') },
      { covers: 'bsky.app', feature: link('https://bsky.app') },
    ],
  },
  {
    name: 'hashtags next to punctuation',
    text: '#one, #two. #three! (#no) #four… x#no #end?',
    expected: [
      { covers: '#one', feature: tag('one') },
      { covers: '#two', feature: tag('two') },
      { covers: '#three', feature: tag('three') },
      { covers: '#four', feature: tag('four') },
      { covers: '#end', feature: tag('end') },
    ],
  },
  {
    name: 'a full-width hash, and no tag of only digits',
    text: '＃全角 #2024 #1st #12.5',
    expected: [
      { covers: '＃全角', feature: tag('全角') },
      { covers: '#1st', feature: tag('1st') },
    ],
  },
  {
    name: 'emoji tags but no keycap',
    text: '#️⃣ #🦋 #👩‍👩‍👧‍👦 done',
    expected: [
      { covers: '#🦋', feature: tag('🦋') },
      { covers: '#👩‍👩‍👧‍👦', feature: tag('👩‍👩‍👧‍👦') },
    ],
  },
  {
    name: 'mentions with a trailing dot, in parentheses, lower-cased',
    text: 'cc @Carol.Example.com. (@dave.bsky.social)',
    expected: [
      { covers: '@Carol.Example.com', feature: mention('carol.example.com') },
      { covers: '@dave.bsky.social', feature: mention('dave.bsky.social') },
    ],
  },
  {
    name: 'no mention in an email address, a longer word or an unknown domain',
    text: 'me@example.com @alice.testé @bob.test\u0301 @carol.notatld @x',
    expected: [],
  },
];

describe(detectFacets, () => {
  test.each(cases)('places $name in UTF-8 bytes', ({ text, expected }) => {
    const facets = detectFacets(text);

    expect(facets.map(({ index, feature }) => ({ index, feature }))).toEqual(
      expected.map(({ covers, occurrence, feature }) => ({
        index: expectedSlice(text, covers, occurrence),
        feature,
      })),
    );

    for (const [at, facet] of facets.entries()) {
      expect(sliceBytes(text, facet.index)).toBe(expected[at]?.covers);
      expect(text.slice(facet.span.start, facet.span.end)).toBe(expected[at]?.covers);
    }
  });

  test('keeps a 64-grapheme tag and drops a 65-grapheme one whole', () => {
    const longest = '🦋'.repeat(64);

    expect(detectFacets(`#${longest}`).map(({ feature }) => feature)).toEqual([tag(longest)]);
    expect(detectFacets(`#${longest}🦋 #ok`).map(({ feature }) => feature)).toEqual([tag('ok')]);
  });

  test('finds nothing in plain text', () => {
    expect(detectFacets('just words, 3.14 and #')).toEqual([]);
  });
});
