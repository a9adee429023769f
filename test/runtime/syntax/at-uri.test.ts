import { describe, expect, test } from '@jest/globals';

import {
  AT_URI_MAX_LENGTH,
  formatAtUri,
  isAtUri,
  parseAtUri,
} from '../../../runtime/src/syntax/at-uri.js';
import type { Handle } from '../../../runtime/src/syntax/handle.js';
import { StringFormatError } from '../../../runtime/src/syntax/string-format-error.js';
import { readSyntaxVectors } from '../../_util/interop-vectors.js';
import { thrown } from '../../_util/thrown.js';

const VALID = readSyntaxVectors('aturi_syntax_valid.txt');
const INVALID = readSyntaxVectors('aturi_syntax_invalid.txt');
const POST = 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k5nobkf2w72g';

describe('isAtUri', () => {
  test.each(VALID)('accepts $name', ({ value }) => {
    expect(isAtUri(value)).toBe(true);
  });

  test.each(INVALID)('rejects $name', ({ value }) => {
    expect(isAtUri(value)).toBe(false);
  });

  test('rejects a fragment, which the lexicon format does not have', () => {
    expect(isAtUri(`${POST}#/text`)).toBe(false);
  });

  test('rejects a query and userinfo', () => {
    expect(isAtUri('at://alice.test/app.bsky.feed.post?cid=x')).toBe(false);
    expect(isAtUri('at://user:pass@alice.test')).toBe(false);
  });
});

describe('parseAtUri', () => {
  test('splits repository, collection and record key', () => {
    expect(parseAtUri(POST)).toEqual({
      repo: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
      collection: 'app.bsky.feed.post',
      rkey: '3k5nobkf2w72g',
    });
  });

  test('leaves out the parts the URI does not have', () => {
    expect(parseAtUri('at://alice.test')).toEqual({ repo: 'alice.test' });
    expect(parseAtUri('at://alice.test/app.bsky.feed.post')).toEqual({
      repo: 'alice.test',
      collection: 'app.bsky.feed.post',
    });
  });

  test('reads a JSON-path fragment', () => {
    expect(parseAtUri(`${POST}#/embed/images`)).toMatchObject({
      rkey: '3k5nobkf2w72g',
      fragment: '/embed/images',
    });
    expect(parseAtUri('at://alice.test#/a%20b')).toEqual({
      repo: 'alice.test',
      fragment: '/a%20b',
    });
  });

  test.each(INVALID)('throws on $name', ({ value }) => {
    expect(thrown(() => parseAtUri(value))).toBeInstanceOf(StringFormatError);
  });

  test.each([
    { name: 'an empty fragment', value: 'at://alice.test#' },
    { name: 'a fragment without a leading slash', value: 'at://alice.test#frag' },
    { name: 'a second hash', value: 'at://alice.test#/a#/b' },
    { name: 'a space in the fragment', value: 'at://alice.test#/a b' },
    { name: 'a bad escape in the fragment', value: 'at://alice.test#/a%zz' },
    { name: 'a fragment after a trailing slash', value: 'at://alice.test/#/a' },
  ])('throws on $name', ({ value }) => {
    expect(thrown(() => parseAtUri(value))).toBeInstanceOf(StringFormatError);
  });

  test('throws on a URI with a fragment past the maximum length', () => {
    const uri = `at://alice.test#/${'a'.repeat(AT_URI_MAX_LENGTH)}`;

    expect(thrown(() => parseAtUri(uri))).toBeInstanceOf(StringFormatError);
  });

  test('names the value in the error', () => {
    expect(thrown(() => parseAtUri('at://alice.test/'))).toMatchObject({
      message: 'Invalid AT URI: at://alice.test/',
      format: 'at-uri',
    });
  });
});

describe('formatAtUri', () => {
  test.each(VALID)('round-trips $name', ({ value }) => {
    expect(formatAtUri(parseAtUri(value))).toBe(value);
  });

  test('round-trips a URI with a fragment', () => {
    const uri = `${POST}#/reply/parent`;

    expect(formatAtUri(parseAtUri(uri))).toBe(uri);
  });

  test('builds a URI from parts', () => {
    expect(
      formatAtUri({ repo: 'alice.test', collection: 'app.bsky.feed.post', rkey: '3k5nobkf2w72g' }),
    ).toBe('at://alice.test/app.bsky.feed.post/3k5nobkf2w72g');
  });

  test('refuses a record key without a collection', () => {
    expect(thrown(() => formatAtUri({ repo: 'alice.test', rkey: 'self' }))).toMatchObject({
      message: 'Invalid AT URI: at://alice.test//self',
    });
  });

  test.each([
    {
      name: 'a slash in the record key',
      parts: { repo: 'alice.test', collection: 'a.b.c', rkey: 'x/y' },
    },
    {
      name: 'a hash in the record key',
      parts: { repo: 'alice.test', collection: 'a.b.c', rkey: 'x#/y' },
    },
    { name: 'a fragment without a slash', parts: { repo: 'alice.test', fragment: 'frag' } },
    { name: 'an invalid repository', parts: { repo: 'alice' as Handle, collection: 'a.b.c' } },
  ] as const)('refuses $name', ({ parts }) => {
    expect(thrown(() => formatAtUri(parts))).toBeInstanceOf(StringFormatError);
  });
});
