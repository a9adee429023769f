import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { generate } from '@lexforge/codegen';
import { schemaCheck } from '@lexforge/runtime';
import * as v from 'valibot';

import { lexicon, writeLexicons } from './codegen-fixtures.js';

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
const TEMP_ROOT = fileURLToPath(new URL('../../.tmp/', import.meta.url));
let out = '';
let odd: Record<string, v.GenericSchema> = {};

beforeAll(async () => {
  mkdirSync(TEMP_ROOT, { recursive: true });
  out = mkdtempSync(join(TEMP_ROOT, 'object-checks-'));
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

describe('generated object checks', () => {
  test('are left out where a field name is an array index', () => {
    const text = readFileSync(join(out, 'gen', 'src', 'com', 'example', 'odd.ts'), 'utf8');

    expect(text.match(/lexObject\(/g)).toHaveLength(2);
    expect(text).not.toMatch(/\(o(?:, c)?\) =>/);
  });

  test.each(numeric)('refuse $name, as the full walk does', ({ schema, value }) => {
    const generated = odd[schema] as v.GenericSchema;

    expect(v.safeParse(generated, value).success).toBe(false);
    expect(schemaCheck(generated)(value)).toBe(false);
  });
});
