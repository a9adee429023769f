import { describe, expect, test } from '@jest/globals';
import * as AppBskyFeedPost from '@lexforge/api/app/bsky/feed/post';
import {
  blob,
  bytes,
  cidLink,
  graphemeLength,
  isDid,
  lexArray,
  lexObject,
  stringFormat,
  typedUnion,
  unknownObject,
  utf8Length,
} from '@lexforge/runtime';
import * as v from 'valibot';

const CID = 'bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy';

function issuesOf(schema: v.GenericSchema, value: unknown): { path: string; kind: string }[] {
  const result = v.safeParse(schema, value);

  return (result.issues ?? []).map((issue) => ({
    path: (issue.path ?? []).map((item) => String(item.key)).join('.'),
    kind: issue.kind,
  }));
}

describe(lexObject, () => {
  const schema = lexObject({
    name: v.string(),
    age: v.exactOptional(v.number()),
    inner: v.exactOptional(lexObject({ flag: v.boolean() })),
  });

  test('returns the very object it checked, unknown fields kept', () => {
    const value = { name: 'a', extra: [1], inner: { flag: true, more: 'x' } };
    const result = v.safeParse(schema, value);

    expect(result.success).toBe(true);
    expect(result.output).toBe(value);
  });

  test('reports a missing required field and nested wrong types with their paths', () => {
    expect(issuesOf(schema, { age: 'old', inner: { flag: 1 } })).toEqual([
      { path: 'name', kind: 'schema' },
      { path: 'age', kind: 'schema' },
      { path: 'inner.flag', kind: 'schema' },
    ]);
  });

  test('refuses what is not an object, and does not read inherited properties', () => {
    expect(v.safeParse(schema, ['a']).success).toBe(false);
    expect(v.safeParse(schema, null).success).toBe(false);
    expect(issuesOf(lexObject({ constructor: v.string() }), {})).toEqual([
      { path: 'constructor', kind: 'schema' },
    ]);
  });
});

describe(typedUnion, () => {
  const members = {
    'x.a': () => lexObject({ a: v.string() }),
    'x.b': () => lexObject({ b: v.number() }),
  };

  test('dispatches on $type and checks the member', () => {
    const open = typedUnion(members, false);

    expect(v.safeParse(open, { $type: 'x.a', a: 'ok' }).success).toBe(true);
    expect(issuesOf(open, { $type: 'x.b', b: 'no' })).toEqual([{ path: 'b', kind: 'schema' }]);
  });

  test('keeps an unknown $type when open and refuses it when closed', () => {
    expect(v.safeParse(typedUnion(members, false), { $type: 'x.future', z: 1 }).success).toBe(true);
    expect(v.safeParse(typedUnion(members, true), { $type: 'x.future' }).success).toBe(false);
    expect(v.safeParse(typedUnion(members, false), { a: 'no $type' }).success).toBe(false);
  });
});

describe('string checks', () => {
  test('count UTF-8 bytes and graphemes as the lexicon defines them', () => {
    const bytesMax = v.pipe(v.string(), utf8Length({ maxLength: 4 }));
    const graphemesMax = v.pipe(v.string(), graphemeLength({ maxGraphemes: 2 }));

    expect(v.safeParse(bytesMax, 'ééé').success).toBe(false); // 6 bytes
    expect(v.safeParse(bytesMax, 'éé').success).toBe(true);
    expect(v.safeParse(graphemesMax, '👩‍👩‍👧‍👦🇫🇷').success).toBe(true);
    expect(v.safeParse(graphemesMax, 'e\u0301e\u0301e\u0301').success).toBe(false);
  });

  test('report formats and lengths as validation issues, which lenient reads tolerate', () => {
    const did = v.pipe(v.string(), stringFormat('did', isDid));

    expect(issuesOf(did, 'not a did')).toEqual([{ path: '', kind: 'validation' }]);
    expect(v.safeParse(did, 'did:plc:abc').success).toBe(true);
  });
});

describe('data model schemas', () => {
  test('blob accepts the canonical and the legacy form, constraints as validation issues', () => {
    const image = blob({ accept: ['image/*'], maxSize: 10 });
    const canonical = { $type: 'blob', ref: { $link: CID }, mimeType: 'image/png', size: 5 };

    expect(v.safeParse(image, canonical).success).toBe(true);
    expect(v.safeParse(image, { cid: CID, mimeType: 'image/png' }).success).toBe(true);
    expect(issuesOf(image, { ...canonical, mimeType: 'text/plain', size: 50 })).toEqual([
      { path: '', kind: 'validation' },
      { path: '', kind: 'validation' },
    ]);
    expect(issuesOf(image, { ref: CID })).toEqual([{ path: '', kind: 'schema' }]);
  });

  test('bytes, cid-link and unknown check their JSON shapes', () => {
    expect(v.safeParse(bytes({ maxLength: 3 }), { $bytes: 'AQID' }).success).toBe(true);
    expect(v.safeParse(bytes({ maxLength: 2 }), { $bytes: 'AQID' }).success).toBe(false);
    expect(v.safeParse(cidLink(), { $link: CID }).success).toBe(true);
    expect(issuesOf(cidLink(), { $link: 'nope' })).toEqual([{ path: '', kind: 'validation' }]);
    expect(v.safeParse(unknownObject(), { any: 'thing' }).success).toBe(true);
    expect(v.safeParse(unknownObject(), 'text').success).toBe(false);
  });

  test('a generated record schema puts it together', () => {
    const post = { $type: AppBskyFeedPost.NSID, text: 'hi', createdAt: '2026-12-03T17:00:00.000Z' };

    expect(v.safeParse(AppBskyFeedPost.mainSchema, post).success).toBe(true);
    // 3001 bytes and 3001 graphemes: both limits fail
    expect(issuesOf(AppBskyFeedPost.mainSchema, { ...post, text: 'x'.repeat(3001) })).toEqual([
      { path: 'text', kind: 'validation' },
      { path: 'text', kind: 'validation' },
    ]);
    expect(issuesOf(AppBskyFeedPost.mainSchema, { ...post, $type: 'other' })).toEqual([
      { path: '$type', kind: 'schema' },
    ]);
  });
});

describe(lexArray, () => {
  test('returns the very array it checked and reports items by index', () => {
    const list = ['a', 'b'];
    const strings = lexArray(v.string(), { maxLength: 3 });

    expect(v.safeParse(strings, list).output).toBe(list);
    expect(issuesOf(strings, ['a', 2])).toEqual([{ path: '1', kind: 'schema' }]);
    expect(v.safeParse(strings, 'a').success).toBe(false);
  });

  test('reports an item count out of bounds as a validation issue', () => {
    expect(issuesOf(lexArray(v.string(), { minLength: 1, maxLength: 2 }), [])).toEqual([
      { path: '', kind: 'validation' },
    ]);
    expect(issuesOf(lexArray(v.string(), { maxLength: 2 }), ['a', 'b', 'c'])).toEqual([
      { path: '', kind: 'validation' },
    ]);
  });
});
