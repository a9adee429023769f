import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mainSchema as postSchema } from '@lexforge/api/app/bsky/feed/post';
import { generate } from '@lexforge/codegen';
import { lexObject, schemaCheck } from '@lexforge/runtime';
import * as v from 'valibot';

import { lexicon, writeLexicons } from '../../codegen/codegen-fixtures.js';

// The fast check of a schema may refuse a valid value, but must never accept a value that the
// full walk reports an issue for. Each case here is a value the full walk refuses.

const POST = {
  $type: 'app.bsky.feed.post',
  text: 'hello',
  createdAt: '2024-11-20T12:34:56.789Z',
};

class Greeting {
  get text(): string {
    return 'hello';
  }
}

const textSchema = lexObject({ text: v.string() });
const sizeSchema = lexObject({ size: v.pipe(v.number(), v.integer()) });

const inherited: { name: string; schema: v.GenericSchema; value: unknown }[] = [
  { name: 'a post whose fields are inherited', schema: postSchema, value: Object.create(POST) },
  {
    name: 'an object whose required field is inherited',
    schema: textSchema,
    value: Object.create({ text: 'hello' }),
  },
  { name: 'a class instance with a getter', schema: textSchema, value: new Greeting() },
  { name: 'a Map for a required size', schema: sizeSchema, value: new Map() },
];

describe('fast path of lexObject', () => {
  test.each(inherited)('refuses $name, as the full walk does', ({ schema, value }) => {
    expect(v.safeParse(schema, value).success).toBe(false);
    expect(schemaCheck(schema)(value)).toBe(false);
  });
});

// `Object.entries` lists array-index keys first, out of the lexicon's order in which generated
// checks count their `c[i]`: objects with such field names get no generated check.
const ODD = lexicon('com.example.odd', {
  main: {
    type: 'record',
    key: 'any',
    record: {
      type: 'object',
      required: ['10', '9'],
      properties: {
        '10': { type: 'unknown' },
        '9': { type: 'array', items: { type: 'integer' } },
      },
    },
  },
  tagged: { type: 'object', required: ['1'], properties: { '1': { type: 'cid-link' } } },
});

// inside the repository (its `.tmp/` is ignored by git), where the generated module finds valibot
const TEMP_ROOT = fileURLToPath(new URL('../../../.tmp/', import.meta.url));
let out = '';
let odd: Record<string, v.GenericSchema> = {};

beforeAll(async () => {
  mkdirSync(TEMP_ROOT, { recursive: true });
  out = mkdtempSync(join(TEMP_ROOT, 'lex-object-check-'));
  writeLexicons(join(out, 'lexicons'), { 'com.example.odd': ODD });
  await generate({ lexicons: [join(out, 'lexicons')], out: join(out, 'gen') });
  odd = (await import(join(out, 'gen', 'src', 'com', 'example', 'odd.ts'))) as typeof odd;
});

afterAll(() => {
  if (out !== '') rmSync(out, { recursive: true, force: true });
});

const numeric: { name: string; schema: string; value: unknown }[] = [
  {
    name: 'a string for a cid-link field named "1"',
    schema: 'taggedSchema',
    value: { '1': 'com.example.odd#tagged' },
  },
  {
    name: 'a string for an array field named "9"',
    schema: 'mainSchema',
    value: { $type: 'com.example.odd', '10': {}, '9': 'com.example.odd' },
  },
];

describe('generated checks of fields with array-index names', () => {
  test.each(numeric)('refuse $name, as the full walk does', ({ schema, value }) => {
    const generated = odd[schema] as v.GenericSchema;

    expect(v.safeParse(generated, value).success).toBe(false);
    expect(schemaCheck(generated)(value)).toBe(false);
  });
});
