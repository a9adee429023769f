import { describe, expect, test } from '@jest/globals';
import { diffLexicons } from '@lexforge/codegen';
import type { DiffKind, DiffVerdict, LexiconDocuments } from '@lexforge/codegen';

import { body, docs, field, main, NSID, object } from './lexicon-pairs.js';

/** One rule: a pair of sets that differ by one change, and the one finding it must give. */
interface RuleCase {
  name: string;
  before: LexiconDocuments;
  after: LexiconDocuments;
  kind: DiffKind;
  verdict: DiffVerdict;
  path: string;
}

const F = '$.defs.main.properties.f';

/** A message as the house style wants it: sentence case, subject first, no final period. */
const SENTENCE = /^[A-Z][a-z]+( [a-z]+)*: .*[^.]$/;

const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });

const int = (extra: Record<string, unknown> = {}) => ({ type: 'integer', ...extra });

const blob = (extra: Record<string, unknown> = {}) => ({ type: 'blob', ...extra });

const union = (refs: string[], closed?: boolean) => ({ type: 'union', refs, closed });

const params = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'params',
  properties,
  required,
});

const COMPATIBLE: Omit<RuleCase, 'verdict'>[] = [
  {
    name: 'new document',
    before: {},
    after: docs({ main: object({}) }),
    kind: 'document-added',
    path: '$',
  },
  {
    name: 'new def',
    before: docs({ main: object({}) }),
    after: docs({ main: object({}), extra: object({}) }),
    kind: 'def-added',
    path: '$.defs.extra',
  },
  {
    name: 'new optional field',
    before: docs({ main: object({ a: str() }) }),
    after: docs({ main: object({ a: str(), b: str() }) }),
    kind: 'field-added',
    path: '$.defs.main.properties.b',
  },
  {
    name: 'field made optional',
    before: docs({ main: object({ a: str() }, { required: ['a'] }) }),
    after: docs({ main: object({ a: str() }) }),
    kind: 'field-made-optional',
    path: '$.defs.main.properties.a',
  },
  {
    name: 'field made nullable',
    before: docs({ main: object({ a: str() }) }),
    after: docs({ main: object({ a: str() }, { nullable: ['a'] }) }),
    kind: 'nullable-added',
    path: '$.defs.main.properties.a',
  },
  {
    name: 'new open-union member',
    before: field(union(['#a'])),
    after: field(union(['#a', '#b'])),
    kind: 'union-member-added',
    path: `${F}.refs`,
  },
  {
    name: 'new knownValue',
    before: field(str({ knownValues: ['a'] })),
    after: field(str({ knownValues: ['a', 'b'] })),
    kind: 'known-value-added',
    path: `${F}.knownValues`,
  },
  {
    name: 'knownValue removed',
    before: field(str({ knownValues: ['a', 'b'] })),
    after: field(str({ knownValues: ['a'] })),
    kind: 'known-value-removed',
    path: `${F}.knownValues`,
  },
  {
    name: 'larger maxLength',
    before: field(str({ maxLength: 10 })),
    after: field(str({ maxLength: 20 })),
    kind: 'constraint-relaxed',
    path: `${F}.maxLength`,
  },
  {
    name: 'larger maxGraphemes',
    before: field(str({ maxGraphemes: 10 })),
    after: field(str({ maxGraphemes: 11 })),
    kind: 'constraint-relaxed',
    path: `${F}.maxGraphemes`,
  },
  {
    name: 'smaller minLength',
    before: field(str({ minLength: 2 })),
    after: field(str({ minLength: 1 })),
    kind: 'constraint-relaxed',
    path: `${F}.minLength`,
  },
  {
    name: 'larger maximum',
    before: field(int({ maximum: 100 })),
    after: field(int({ maximum: 1000 })),
    kind: 'constraint-relaxed',
    path: `${F}.maximum`,
  },
  {
    name: 'smaller minimum',
    before: field(int({ minimum: 1 })),
    after: field(int({ minimum: 0 })),
    kind: 'constraint-relaxed',
    path: `${F}.minimum`,
  },
  {
    name: 'limit dropped',
    before: field(str({ maxGraphemes: 300 })),
    after: field(str()),
    kind: 'constraint-relaxed',
    path: `${F}.maxGraphemes`,
  },
  {
    name: 'larger maxLength of an array',
    before: field({ type: 'array', items: str(), maxLength: 5 }),
    after: field({ type: 'array', items: str(), maxLength: 50 }),
    kind: 'constraint-relaxed',
    path: `${F}.maxLength`,
  },
  {
    name: 'new accept MIME',
    before: field(blob({ accept: ['image/png'] })),
    after: field(blob({ accept: ['image/png', 'image/jpeg'] })),
    kind: 'constraint-relaxed',
    path: `${F}.accept`,
  },
  {
    name: 'accept MIME widened to a glob',
    before: field(blob({ accept: ['image/png', 'image/jpeg'] })),
    after: field(blob({ accept: ['image/*'] })),
    kind: 'constraint-relaxed',
    path: `${F}.accept`,
  },
  {
    name: 'larger maxSize',
    before: field(blob({ maxSize: 1_000_000 })),
    after: field(blob({ maxSize: 2_000_000 })),
    kind: 'constraint-relaxed',
    path: `${F}.maxSize`,
  },
  {
    name: 'format dropped',
    before: field(str({ format: 'did' })),
    after: field(str()),
    kind: 'constraint-relaxed',
    path: `${F}.format`,
  },
  {
    name: 'format widened',
    before: field(str({ format: 'did' })),
    after: field(str({ format: 'at-identifier' })),
    kind: 'constraint-relaxed',
    path: `${F}.format`,
  },
  {
    name: 'const dropped',
    before: field({ type: 'boolean', const: true }),
    after: field({ type: 'boolean' }),
    kind: 'constraint-relaxed',
    path: `${F}.const`,
  },
  {
    name: 'new enum value',
    before: field(str({ enum: ['a'] })),
    after: field(str({ enum: ['a', 'b'] })),
    kind: 'enum-widened',
    path: `${F}.enum`,
  },
  {
    name: 'enum dropped',
    before: field(int({ enum: [1, 2] })),
    after: field(int()),
    kind: 'enum-widened',
    path: `${F}.enum`,
  },
  {
    name: 'new optional param',
    before: main('query', { parameters: params({ a: str() }) }),
    after: main('query', { parameters: params({ a: str(), b: int() }) }),
    kind: 'field-added',
    path: '$.defs.main.parameters.properties.b',
  },
  {
    name: 'first optional param of a method without parameters',
    before: main('query'),
    after: main('query', { parameters: params({ limit: int() }) }),
    kind: 'field-added',
    path: '$.defs.main.parameters.properties.limit',
  },
  {
    name: 'new output',
    before: main('procedure'),
    after: main('procedure', { output: body() }),
    kind: 'output-added',
    path: '$.defs.main.output',
  },
  {
    name: 'new declared error',
    before: main('query', { errors: [{ name: 'A' }] }),
    after: main('query', { errors: [{ name: 'A' }, { name: 'B' }] }),
    kind: 'error-added',
    path: '$.defs.main.errors',
  },
  {
    name: 'declared error removed',
    before: main('query', { errors: [{ name: 'A' }] }),
    after: main('query'),
    kind: 'error-removed',
    path: '$.defs.main.errors',
  },
  {
    name: 'new permission in a permission set',
    before: main('permission-set', { permissions: [] }),
    after: main('permission-set', {
      permissions: [{ type: 'permission', resource: 'rpc', lxm: [NSID], inheritAud: true }],
    }),
    kind: 'permission-added',
    path: '$.defs.main.permissions',
  },
];

const BREAKING: Omit<RuleCase, 'verdict'>[] = [
  {
    name: 'document removed',
    before: docs({ main: object({}) }),
    after: {},
    kind: 'document-removed',
    path: '$',
  },
  {
    name: 'def removed',
    before: docs({ main: object({}), extra: object({}) }),
    after: docs({ main: object({}) }),
    kind: 'def-removed',
    path: '$.defs.extra',
  },
  {
    name: 'field removed',
    before: docs({ main: object({ a: str(), b: str() }) }),
    after: docs({ main: object({ a: str() }) }),
    kind: 'field-removed',
    path: '$.defs.main.properties.b',
  },
  {
    name: 'required field added',
    before: docs({ main: object({ a: str() }) }),
    after: docs({ main: object({ a: str(), b: str() }, { required: ['b'] }) }),
    kind: 'required-field-added',
    path: '$.defs.main.properties.b',
  },
  {
    name: 'optional made required',
    before: docs({ main: object({ a: str() }) }),
    after: docs({ main: object({ a: str() }, { required: ['a'] }) }),
    kind: 'field-made-required',
    path: '$.defs.main.properties.a',
  },
  {
    name: 'nullable removed',
    before: docs({ main: object({ a: str() }, { nullable: ['a'] }) }),
    after: docs({ main: object({ a: str() }) }),
    kind: 'nullable-removed',
    path: '$.defs.main.properties.a',
  },
  {
    name: 'type changed',
    before: field(str()),
    after: field(int()),
    kind: 'type-changed',
    path: `${F}.type`,
  },
  {
    name: 'type of array items changed',
    before: field({ type: 'array', items: str() }),
    after: field({ type: 'array', items: int() }),
    kind: 'type-changed',
    path: `${F}.items.type`,
  },
  {
    name: 'ref target changed',
    before: field({ type: 'ref', ref: '#a' }),
    after: field({ type: 'ref', ref: '#b' }),
    kind: 'ref-changed',
    path: `${F}.ref`,
  },
  {
    name: 'smaller maxLength',
    before: field(str({ maxLength: 3000 })),
    after: field(str({ maxLength: 300 })),
    kind: 'constraint-tightened',
    path: `${F}.maxLength`,
  },
  {
    name: 'larger minimum',
    before: field(int({ minimum: 0 })),
    after: field(int({ minimum: 1 })),
    kind: 'constraint-tightened',
    path: `${F}.minimum`,
  },
  {
    name: 'new limit',
    before: field(str()),
    after: field(str({ maxLength: 2048 })),
    kind: 'constraint-tightened',
    path: `${F}.maxLength`,
  },
  {
    name: 'smaller maxSize',
    before: field(blob({ maxSize: 2_000_000 })),
    after: field(blob({ maxSize: 1_000_000 })),
    kind: 'constraint-tightened',
    path: `${F}.maxSize`,
  },
  {
    name: 'accept MIME removed',
    before: field(blob({ accept: ['image/png', 'image/jpeg'] })),
    after: field(blob({ accept: ['image/png'] })),
    kind: 'constraint-tightened',
    path: `${F}.accept`,
  },
  {
    name: 'new format',
    before: field(str()),
    after: field(str({ format: 'uri' })),
    kind: 'constraint-tightened',
    path: `${F}.format`,
  },
  {
    name: 'format narrowed',
    before: field(str({ format: 'at-identifier' })),
    after: field(str({ format: 'did' })),
    kind: 'constraint-tightened',
    path: `${F}.format`,
  },
  {
    name: 'larger minGraphemes',
    before: field(str({ minGraphemes: 1 })),
    after: field(str({ minGraphemes: 2 })),
    kind: 'constraint-tightened',
    path: `${F}.minGraphemes`,
  },
  {
    name: 'smaller maxLength of bytes',
    before: field({ type: 'bytes', maxLength: 64 }),
    after: field({ type: 'bytes', maxLength: 32 }),
    kind: 'constraint-tightened',
    path: `${F}.maxLength`,
  },
  {
    name: 'new default',
    before: field(int()),
    after: field(int({ default: 50 })),
    kind: 'default-changed',
    path: `${F}.default`,
  },
  {
    name: 'new const',
    before: field({ type: 'boolean' }),
    after: field({ type: 'boolean', const: false }),
    kind: 'constraint-tightened',
    path: `${F}.const`,
  },
  {
    name: 'default changed',
    before: field(int({ default: 50 })),
    after: field(int({ default: 25 })),
    kind: 'default-changed',
    path: `${F}.default`,
  },
  {
    name: 'enum narrowed',
    before: field(str({ enum: ['a', 'b'] })),
    after: field(str({ enum: ['a'] })),
    kind: 'enum-narrowed',
    path: `${F}.enum`,
  },
  {
    name: 'new enum',
    before: field(str()),
    after: field(str({ enum: ['a'] })),
    kind: 'enum-narrowed',
    path: `${F}.enum`,
  },
  {
    name: 'open union member removed',
    before: field(union(['#a', '#b'])),
    after: field(union(['#a'])),
    kind: 'union-member-removed',
    path: `${F}.refs`,
  },
  {
    name: 'closed union member removed',
    before: field(union(['#a', '#b'], true)),
    after: field(union(['#a'], true)),
    kind: 'union-member-removed',
    path: `${F}.refs`,
  },
  {
    name: 'union closed',
    before: field(union(['#a'])),
    after: field(union(['#a'], true)),
    kind: 'union-closed',
    path: `${F}.closed`,
  },
  {
    name: 'closed union widened',
    before: field(union(['#a'], true)),
    after: field(union(['#a', '#b'], true)),
    kind: 'closed-union-widened',
    path: `${F}.refs`,
  },
  {
    name: 'closed union opened',
    before: field(union(['#a'], true)),
    after: field(union(['#a'])),
    kind: 'union-opened',
    path: `${F}.closed`,
  },
  {
    name: 'record key type changed',
    before: main('record', { key: 'tid', record: object({}) }),
    after: main('record', { key: 'any', record: object({}) }),
    kind: 'record-key-changed',
    path: '$.defs.main.key',
  },
  {
    name: 'record field removed',
    before: main('record', { key: 'tid', record: object({ text: str() }) }),
    after: main('record', { key: 'tid', record: object({}) }),
    kind: 'field-removed',
    path: '$.defs.main.record.properties.text',
  },
  {
    name: 'query turned procedure',
    before: main('query', { output: body() }),
    after: main('procedure', { output: body() }),
    kind: 'type-changed',
    path: '$.defs.main.type',
  },
  {
    name: 'input encoding changed',
    before: main('procedure', { input: { encoding: 'image/png' } }),
    after: main('procedure', { input: { encoding: '*/*' } }),
    kind: 'encoding-changed',
    path: '$.defs.main.input.encoding',
  },
  {
    name: 'output encoding changed',
    before: main('query', { output: body() }),
    after: main('query', { output: body({}, 'application/cbor') }),
    kind: 'encoding-changed',
    path: '$.defs.main.output.encoding',
  },
  {
    name: 'output field removed',
    before: main('query', { output: body({ cursor: str() }) }),
    after: main('query', { output: body() }),
    kind: 'field-removed',
    path: '$.defs.main.output.schema.properties.cursor',
  },
  {
    name: 'new input',
    before: main('procedure'),
    after: main('procedure', { input: body() }),
    kind: 'input-added',
    path: '$.defs.main.input',
  },
  {
    name: 'output schema removed',
    before: main('query', { output: body() }),
    after: main('query', { output: { encoding: 'application/json' } }),
    kind: 'type-changed',
    path: '$.defs.main.output.schema',
  },
  {
    name: 'output removed',
    before: main('query', { output: body() }),
    after: main('query'),
    kind: 'body-removed',
    path: '$.defs.main.output',
  },
  {
    name: 'required param added',
    before: main('query', { parameters: params({ a: str() }) }),
    after: main('query', { parameters: params({ a: str(), b: str() }, ['b']) }),
    kind: 'required-field-added',
    path: '$.defs.main.parameters.properties.b',
  },
  {
    name: 'param removed',
    before: main('query', { parameters: params({ a: str() }) }),
    after: main('query', { parameters: params({}) }),
    kind: 'field-removed',
    path: '$.defs.main.parameters.properties.a',
  },
  {
    name: 'subscription message member removed',
    before: main('subscription', { message: { schema: union(['#a', '#b']) } }),
    after: main('subscription', { message: { schema: union(['#a']) } }),
    kind: 'union-member-removed',
    path: '$.defs.main.message.schema.refs',
  },
  {
    name: 'permission removed from a permission set',
    before: main('permission-set', {
      permissions: [{ type: 'permission', resource: 'repo', collection: [NSID] }],
    }),
    after: main('permission-set', { permissions: [] }),
    kind: 'permission-removed',
    path: '$.defs.main.permissions',
  },
  {
    name: 'change no rule covers',
    before: field(str({ 'x-extension': 1 })),
    after: field(str({ 'x-extension': 2 })),
    kind: 'unclassified-change',
    path: `${F}["x-extension"]`,
  },
];

const INFO: Omit<RuleCase, 'verdict'>[] = [
  {
    name: 'def description changed',
    before: docs({ main: { ...object({}), description: 'Old words.' } }),
    after: docs({ main: { ...object({}), description: 'New words.' } }),
    kind: 'description-changed',
    path: '$.defs.main.description',
  },
  {
    name: 'field description added',
    before: field(str()),
    after: field(str({ description: 'A field.' })),
    kind: 'description-changed',
    path: `${F}.description`,
  },
  {
    name: 'document description removed',
    before: { [NSID]: { lexicon: 1, id: NSID, description: 'Words.', defs: {} } },
    after: { [NSID]: { lexicon: 1, id: NSID, defs: {} } },
    kind: 'description-changed',
    path: '$.description',
  },
  {
    name: 'permission set title changed',
    before: main('permission-set', { title: 'Old', permissions: [] }),
    after: main('permission-set', { title: 'New', permissions: [] }),
    kind: 'description-changed',
    path: '$.defs.main.title',
  },
];

const CASES: RuleCase[] = [
  ...COMPATIBLE.map((rule) => ({ ...rule, verdict: 'compatible' as const })),
  ...BREAKING.map((rule) => ({ ...rule, verdict: 'breaking' as const })),
  ...INFO.map((rule) => ({ ...rule, verdict: 'info' as const })),
];

describe(diffLexicons, () => {
  test.each(CASES)(
    'classifies $name as $kind ($verdict)',
    ({ name: _name, before, after, ...expected }) => {
      const { findings } = diffLexicons(before, after);
      const def = /^\$\.defs\.(\w+)/.exec(expected.path)?.[1] ?? null;

      expect(findings).toEqual([
        { nsid: NSID, def, message: expect.stringMatching(SENTENCE), ...expected },
      ]);
    },
  );

  test('gives each rule a different pair', () => {
    const pairs = CASES.map(({ before, after }) => JSON.stringify([before, after]));

    expect(new Set(pairs).size).toBe(CASES.length);
  });
});
