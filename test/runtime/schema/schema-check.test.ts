import { describe, expect, test } from '@jest/globals';
import { profileViewDetailedSchema } from '@lexforge/api/app/bsky/actor/defs';
import { mainSchema as postSchema } from '@lexforge/api/app/bsky/feed/post';
import {
  blob,
  bytes,
  cidLink,
  graphemeLength,
  isDid,
  lexArray,
  lexObject,
  schemaCheck,
  stringFormat,
  typedUnion,
  unknownObject,
  utf8Length,
} from '@lexforge/runtime';
import * as v from 'valibot';

const CID = 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm';
const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const AT_URI = `at://${DID}/app.bsky.feed.post/3l6oveex3ii2l`;

/** Whether the check and a full run of the schema agree on a value. */
function agreement(schema: v.GenericSchema, value: unknown): [check: boolean, run: boolean] {
  return [schemaCheck(schema)(value), v.safeParse(schema, value).success];
}

const point = lexObject({ x: v.number(), label: v.exactOptional(v.string()) });

/** An object whose `x` is a getter of its class, not a field of its own. */
class Point {
  get x(): number {
    return 1;
  }
}

const cases: { name: string; schema: v.GenericSchema; value: unknown; valid: boolean }[] = [
  { name: 'a string', schema: v.string(), value: 'a', valid: true },
  { name: 'a number for a string', schema: v.string(), value: 1, valid: false },
  { name: 'NaN for a number', schema: v.number(), value: Number.NaN, valid: false },
  { name: 'a boolean', schema: v.boolean(), value: false, valid: true },
  { name: 'a literal', schema: v.literal('x'), value: 'x', valid: true },
  { name: 'another literal', schema: v.literal('x'), value: 'y', valid: false },
  { name: 'a picklist member', schema: v.picklist(['a', 'b']), value: 'b', valid: true },
  { name: 'a picklist stranger', schema: v.picklist(['a', 'b']), value: 'c', valid: false },
  { name: 'null for a nullable', schema: v.nullable(v.string()), value: null, valid: true },
  {
    name: 'undefined for a nullable',
    schema: v.nullable(v.string()),
    value: undefined,
    valid: false,
  },
  {
    name: 'an integer in range',
    schema: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
    value: 100,
    valid: true,
  },
  {
    name: 'an integer out of range',
    schema: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
    value: 101,
    valid: false,
  },
  {
    name: 'a fraction for an integer',
    schema: v.pipe(v.number(), v.integer()),
    value: 1.5,
    valid: false,
  },
  {
    name: 'a DID',
    schema: v.pipe(v.string(), stringFormat('did', isDid)),
    value: DID,
    valid: true,
  },
  {
    name: 'a bad DID',
    schema: v.pipe(v.string(), stringFormat('did', isDid)),
    value: 'did:',
    valid: false,
  },
  {
    name: 'a string too long in bytes',
    schema: v.pipe(v.string(), utf8Length({ maxLength: 4 })),
    value: 'ééé',
    valid: false,
  },
  {
    name: 'a string within its graphemes',
    schema: v.pipe(v.string(), graphemeLength({ maxGraphemes: 2 })),
    value: '👨‍👩‍👧👍',
    valid: true,
  },
  {
    name: 'a pipe with an action it does not know',
    schema: v.pipe(v.string(), v.startsWith('a')),
    value: 'b',
    valid: false,
  },
  { name: 'an object', schema: point, value: { x: 1, extra: true }, valid: true },
  {
    name: 'an object without a required field',
    schema: point,
    value: { label: 'a' },
    valid: false,
  },
  {
    name: 'an object with a wrong optional field',
    schema: point,
    value: { x: 1, label: 2 },
    valid: false,
  },
  { name: 'an array for an object', schema: point, value: [], valid: false },
  {
    name: 'an inherited key for a required field',
    schema: lexObject({ constructor: v.unknown() }),
    value: {},
    valid: false,
  },
  {
    name: 'an array in bounds',
    schema: lexArray(v.string(), { maxLength: 2 }),
    value: ['a'],
    valid: true,
  },
  {
    name: 'an array out of bounds',
    schema: lexArray(v.string(), { maxLength: 1 }),
    value: ['a', 'b'],
    valid: false,
  },
  {
    name: 'a sparse array',
    schema: lexArray(v.string()),
    value: Array.from({ length: 2 }),
    valid: false,
  },
  {
    name: 'a known union member',
    schema: typedUnion({ 'x.y.z': () => point }, true),
    value: { $type: 'x.y.z', x: 1 },
    valid: true,
  },
  {
    name: 'an invalid union member',
    schema: typedUnion({ 'x.y.z': () => point }, true),
    value: { $type: 'x.y.z' },
    valid: false,
  },
  {
    name: 'an unknown member of an open union',
    schema: typedUnion({ 'x.y.z': () => point }, false),
    value: { $type: 'a.b.c' },
    valid: true,
  },
  {
    name: 'an unknown member of a closed union',
    schema: typedUnion({ 'x.y.z': () => point }, true),
    value: { $type: 'a.b.c' },
    valid: false,
  },
  { name: 'a lazy ref', schema: v.lazy(() => point), value: { x: 2 }, valid: true },
  { name: 'an unknown object', schema: unknownObject(), value: { a: 1 }, valid: true },
  { name: 'an array for an unknown object', schema: unknownObject(), value: [1], valid: false },
  { name: 'a CID link', schema: cidLink(), value: { $link: CID }, valid: true },
  { name: 'a bad CID link', schema: cidLink(), value: { $link: 'x' }, valid: false },
  {
    name: 'a blob of the wrong type',
    schema: blob({ accept: ['image/*'] }),
    value: { $type: 'blob', ref: { $link: CID }, mimeType: 'video/mp4', size: 1 },
    valid: false,
  },
  { name: 'bytes', schema: bytes({ maxLength: 3 }), value: { $bytes: 'AAEC' }, valid: true },
  {
    name: 'too many bytes',
    schema: bytes({ maxLength: 2 }),
    value: { $bytes: 'AAEC' },
    valid: false,
  },
  { name: 'bytes not in base64', schema: bytes(), value: { $bytes: '*' }, valid: false },
  {
    name: 'a blob',
    schema: blob({ accept: ['image/*'], maxSize: 10 }),
    value: { $type: 'blob', ref: { $link: CID }, mimeType: 'image/png', size: 10 },
    valid: true,
  },
  {
    name: 'a blob too large',
    schema: blob({ maxSize: 10 }),
    value: { $type: 'blob', ref: { $link: CID }, mimeType: 'image/png', size: 11 },
    valid: false,
  },
  {
    name: 'a legacy blob',
    schema: blob({ maxSize: 10 }),
    value: { cid: CID, mimeType: 'image/png' },
    valid: true,
  },
  {
    name: 'an object whose fields are inherited',
    schema: point,
    value: Object.create({ x: 1 }) as unknown,
    valid: false,
  },
  { name: 'a class instance with a getter', schema: point, value: new Point(), valid: false },
  {
    name: 'a map for an object with a size',
    schema: lexObject({ size: v.number() }),
    value: new Map(),
    valid: false,
  },
  {
    name: 'an object without a prototype',
    schema: point,
    value: Object.assign(Object.create(null) as object, { x: 1 }),
    valid: true,
  },
];

describe(schemaCheck, () => {
  test.each(cases)('agrees with a full run on $name', ({ schema, value, valid }) => {
    expect(agreement(schema, value)).toEqual([valid, valid]);
  });

  test('builds the check of a schema once', () => {
    expect(schemaCheck(point)).toBe(schemaCheck(point));
  });
});

describe('generated checks', () => {
  const post = {
    $type: 'app.bsky.feed.post',
    text: 'hello @alice.test',
    createdAt: '2024-11-20T12:34:56.789Z',
    langs: ['en'],
    facets: [
      {
        index: { byteStart: 6, byteEnd: 17 },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: DID }],
      },
    ],
    reply: { root: { uri: AT_URI, cid: CID }, parent: { uri: AT_URI, cid: CID } },
  };

  const profile = {
    did: DID,
    handle: 'alice.test',
    displayName: 'Alice',
    followersCount: 3,
    createdAt: '2023-05-02T18:31:07.415Z',
    pinnedPost: { uri: AT_URI, cid: CID },
    viewer: { muted: false, following: `at://${DID}/app.bsky.graph.follow/3l6oveex3ii2l` },
  };

  type Change = {
    name: string;
    change: (value: Record<string, unknown>) => void;
    valid: boolean;
  };

  const postChanges: Change[] = [
    { name: 'nothing', change: () => undefined, valid: true },
    { name: 'a missing $type', change: (value) => delete value['$type'], valid: false },
    {
      name: 'another $type',
      change: (value) => (value['$type'] = 'app.bsky.feed.like'),
      valid: false,
    },
    {
      name: 'a bad datetime',
      change: (value) => (value['createdAt'] = '2024-13-01T00:00:00Z'),
      valid: false,
    },
    {
      name: 'text over 300 graphemes',
      change: (value) => (value['text'] = 'a'.repeat(301)),
      valid: false,
    },
    { name: 'a bad language', change: (value) => (value['langs'] = ['not a tag']), valid: false },
    {
      name: 'too many languages',
      change: (value) => (value['langs'] = ['en', 'de', 'fr', 'es']),
      valid: false,
    },
    {
      name: 'a reply without a root',
      change: (value) => delete (value['reply'] as { root?: unknown }).root,
      valid: false,
    },
    {
      name: 'an unknown embed',
      change: (value) => (value['embed'] = { $type: 'x.y.z', a: 1 }),
      valid: true,
    },
    {
      name: 'an embed with no $type',
      change: (value) => (value['embed'] = { images: [] }),
      valid: false,
    },
    { name: 'a text of null', change: (value) => (value['text'] = null), valid: false },
    { name: 'an extra field', change: (value) => (value['extra'] = [1, 2]), valid: true },
  ];

  test.each(postChanges)('judge a post after $name as a full run does', ({ change, valid }) => {
    const value = JSON.parse(JSON.stringify(post)) as Record<string, unknown>;

    change(value);

    expect(agreement(postSchema, value)).toEqual([valid, valid]);
  });

  const profileChanges: Change[] = [
    { name: 'nothing', change: () => undefined, valid: true },
    { name: 'a bad handle', change: (value) => (value['handle'] = 'alice'), valid: false },
    {
      name: 'a negative count, which the lexicon does not bound',
      change: (value) => (value['followersCount'] = -1),
      valid: true,
    },
    {
      name: 'a count as a string',
      change: (value) => (value['followersCount'] = '3'),
      valid: false,
    },
    {
      name: 'a fractional count',
      change: (value) => (value['followersCount'] = 1.5),
      valid: false,
    },
    {
      name: 'a bad pinned post URI',
      change: (value) => (value['pinnedPost'] = { uri: 'x', cid: CID }),
      valid: false,
    },
    { name: 'a viewer that is an array', change: (value) => (value['viewer'] = []), valid: false },
  ];

  test('refuse a post whose fields are inherited, as a full run does', () => {
    expect(agreement(postSchema, Object.create(post) as unknown)).toEqual([false, false]);
  });

  test.each(profileChanges)(
    'judge a profile after $name as a full run does',
    ({ change, valid }) => {
      const value = JSON.parse(JSON.stringify(profile)) as Record<string, unknown>;

      change(value);

      expect(agreement(profileViewDetailedSchema, value)).toEqual([valid, valid]);
    },
  );
});
