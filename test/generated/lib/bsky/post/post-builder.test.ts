import { describe, expect, test } from '@jest/globals';
import {
  PostBuilder,
  PostLengthError,
  PostNotPreparedError,
  post,
} from '@lexforge/api/lib/bsky/post/index';
import { LexforgeError, XrpcValidationError } from '@lexforge/runtime';

import { thrown } from '../../../../_util/thrown.js';
import { rejection } from '../../../../_util/rejection.js';
import { expectedSlice, graphemes } from '../facet-expectations.js';
import { BLOB_CID, DID, PARENT, ROOT, blobRef, memoryServices } from './post-fixtures.js';

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('PostBuilder limits', () => {
  test('refuses 301 graphemes, naming the limit and the count', () => {
    const text = '🦋'.repeat(301);
    const error = thrown(() => post(text).toJSON());

    expect(error).toBeInstanceOf(PostLengthError);
    expect(error).toBeInstanceOf(LexforgeError);
    expect(error).toMatchObject({ unit: 'graphemes', limit: 300, count: graphemes(text) });
    expect((error as Error).message).toBe('Post text too long: 301 graphemes, limit 300');
  });

  test('accepts 300 wide emoji that stay under 3000 bytes', () => {
    const text = '🇫🇷'.repeat(300);

    expect(graphemes(text)).toBe(300);
    expect(Buffer.byteLength(text)).toBeLessThan(3000);
    expect(post(text).toJSON().text).toBe(text);
  });

  test('refuses 150 family emoji: few graphemes, but over 3000 bytes', () => {
    const text = '👩‍👩‍👧‍👦'.repeat(150);
    const error = thrown(() => post(text).toJSON());

    expect(graphemes(text)).toBe(150);
    expect(error).toMatchObject({ unit: 'bytes', limit: 3000, count: Buffer.byteLength(text) });
    expect((error as Error).message).toBe(
      `Post text too long: ${Buffer.byteLength(text)} bytes, limit 3000`,
    );
  });

  test('accepts exactly 3000 bytes', () => {
    const text = '👩‍👩‍👧‍👦'.repeat(120);

    expect(Buffer.byteLength(text)).toBe(3000);
    expect(post(text).toJSON().text).toBe(text);
  });

  test('refuses a long text before resolving or uploading anything', async () => {
    const { services, resolved, uploads } = memoryServices();
    const draft = post(`@alice.test ${'x'.repeat(300)}`).images({
      image: { data: new Uint8Array([1]), mimeType: 'image/png' },
      alt: '',
    });

    expect(await rejection(draft.prepare(services))).toBeInstanceOf(PostLengthError);
    expect(resolved).toEqual([]);
    expect(uploads).toEqual([]);
  });

  test('refuses a fifth image', () => {
    const image = { image: blobRef('image/png', 1), alt: '' };

    expect(thrown(() => post('').images(image, image, image, image, image))).toBeInstanceOf(
      RangeError,
    );
  });
});

describe('PostBuilder facets', () => {
  test('asks for preparation while a mention is unresolved', () => {
    const error = thrown(() => post('hi @alice.test').toJSON());

    expect(error).toBeInstanceOf(PostNotPreparedError);
    expect(error).toMatchObject({ mentions: 1, uploads: 0 });
  });

  test('resolves each handle once and leaves an unresolvable mention as plain text', async () => {
    const text = '🦋 @alice.test, @nobody.test and @alice.test again';
    const { services, resolved } = memoryServices({ 'alice.test': DID });
    const record = (await post(text).prepare(services)).toJSON();

    expect(resolved.sort()).toEqual(['alice.test', 'nobody.test']);
    expect(record.facets).toEqual(
      [0, 1].map((occurrence) => ({
        index: expectedSlice(text, '@alice.test', occurrence),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: DID }],
      })),
    );
  });

  test('keeps explicit facets and drops detected ones that overlap them', () => {
    const text = 'see example.com and #tag';
    const custom = {
      index: expectedSlice(text, 'example.com'),
      features: [{ $type: 'app.bsky.richtext.facet#link' as const, uri: 'https://example.com/x' }],
    };
    const record = post(text).facets([custom]).toJSON();

    expect(record.facets).toEqual([
      custom,
      {
        index: expectedSlice(text, '#tag'),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'tag' }],
      },
    ]);
  });

  test('writes no facets when detection is off', () => {
    expect(post('example.com #tag').detectFacets(false).toJSON().facets).toBeUndefined();
  });
});

describe('PostBuilder fields', () => {
  test('writes a createdAt that passes the datetime format, by default and from a Date', () => {
    const date = new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 7));

    expect(post('a').toJSON().createdAt).toMatch(DATETIME);
    expect(post('a').createdAt(date).toJSON().createdAt).toBe('2024-02-29T12:30:15.007Z');
    expect(thrown(() => post('a').createdAt(new Date(Number.NaN)))).toBeInstanceOf(RangeError);
  });

  test('takes the root of a reply from the parent record, or the parent when it is the root', () => {
    const parentRecord = { text: 'reply', reply: { root: ROOT, parent: ROOT } };
    const underReply = post('a')
      .reply({ ...PARENT, record: parentRecord })
      .toJSON();
    const underRoot = post('a')
      .reply({ ...ROOT, record: { text: 'root' } })
      .toJSON();

    expect(underReply.reply).toEqual({ root: ROOT, parent: PARENT });
    expect(underRoot.reply).toEqual({ root: ROOT, parent: ROOT });
  });

  test('writes languages, self-labels and tags', () => {
    const record = post('a').langs('en', 'pt-BR').labels('graphic-media').tags('lexforge').toJSON();

    expect(record).toMatchObject({
      langs: ['en', 'pt-BR'],
      labels: { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'graphic-media' }] },
      tags: ['lexforge'],
    });
  });

  test('refuses what breaks the lexicon, naming the path', () => {
    const error = thrown(() => post('a').langs('en', 'fr', 'de', 'es').toJSON());

    expect(error).toBeInstanceOf(XrpcValidationError);
    expect((error as Error).message).toContain('$.langs');
  });
});

describe('PostBuilder embeds', () => {
  test('uploads images on prepare and asks for it before', async () => {
    const { services, uploads } = memoryServices();
    const draft = post('pics').images(
      { image: { data: new Uint8Array([1, 2]), mimeType: 'image/png' }, alt: 'one' },
      { image: blobRef('image/jpeg', 7), alt: 'two', aspectRatio: { width: 4, height: 3 } },
    );

    expect(thrown(() => draft.toJSON())).toMatchObject({ mentions: 0, uploads: 1 });

    const record = (await draft.prepare(services)).toJSON();

    expect(uploads.map(({ mimeType }) => mimeType)).toEqual(['image/png']);
    expect(record.embed).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        { image: blobRef('image/png', 101), alt: 'one' },
        { image: blobRef('image/jpeg', 7), alt: 'two', aspectRatio: { width: 4, height: 3 } },
      ],
    });
  });

  test('embeds a quote with a link card as record with media', () => {
    const card = { uri: 'https://example.com', title: 'Example', description: 'A page' };
    const record = post('look').quote(ROOT).external(card).toJSON();

    expect(record.embed).toEqual({
      $type: 'app.bsky.embed.recordWithMedia',
      record: { $type: 'app.bsky.embed.record', record: ROOT },
      media: { $type: 'app.bsky.embed.external', external: card },
    });
  });

  test('uploads a video with uploadBlob when no video uploader is given', async () => {
    const { services, uploads } = memoryServices();
    const data = new Uint8Array([0, 0, 0, 24]);
    const draft = post('clip').video({ video: { data, mimeType: 'video/mp4' }, alt: 'a clip' });
    const record = (await draft.prepare(services)).toJSON();

    expect(uploads).toEqual([{ data, mimeType: 'video/mp4' }]);
    expect(record.embed).toEqual({
      $type: 'app.bsky.embed.video',
      video: blobRef('video/mp4', 101),
      alt: 'a clip',
    });
  });
});

describe('PostBuilder serialization', () => {
  test('round-trips through JSON with canonical blob refs', () => {
    const draft = post('Hello example.com #tag 🦋')
      .langs('en')
      .labels('nudity')
      .tags('extra')
      .createdAt('2024-05-01T10:00:00.000Z')
      .reply({ root: ROOT, parent: PARENT })
      .quote(ROOT)
      .images({
        image: blobRef('image/png', 12),
        alt: 'alt',
        aspectRatio: { width: 1, height: 1 },
      });
    const json: unknown = JSON.parse(JSON.stringify(draft));
    const again = PostBuilder.fromJSON(json);

    expect(again.toJSON()).toEqual(json);
    expect(json).toMatchObject({
      embed: {
        media: {
          images: [
            {
              image: {
                $type: 'blob',
                ref: { $link: BLOB_CID },
                mimeType: 'image/png',
                size: 12,
              },
            },
          ],
        },
      },
    });
  });

  test('keeps facets read from JSON as they are, without detecting again', () => {
    const json = {
      $type: 'app.bsky.feed.post',
      text: 'example.com',
      createdAt: '2024-05-01T10:00:00Z',
    };

    expect(PostBuilder.fromJSON(json).toJSON()).toEqual(json);
    expect(PostBuilder.fromJSON(json).detectFacets().toJSON().facets).toHaveLength(1);
  });

  test('refuses JSON that is not a valid post, naming the path', () => {
    const json = { $type: 'app.bsky.feed.post', text: 'a', createdAt: 'yesterday' };
    const error = thrown(() => PostBuilder.fromJSON(json));

    expect(error).toBeInstanceOf(XrpcValidationError);
    expect((error as Error).message).toContain('$.createdAt');
  });
});
