import type { DiffScope } from './diff-scope.js';
import { canonicalJson, sameJson, show, stringsOf } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** Each numeric limit, and which way it is relaxed: `max` by growing, `min` by shrinking. */
const BOUNDS = {
  maxLength: 'max',
  maxGraphemes: 'max',
  maximum: 'max',
  maxSize: 'max',
  minLength: 'min',
  minGraphemes: 'min',
  minimum: 'min',
} as const;

/** The fields of primitive, array and blob nodes that {@link compareConstraints} covers. */
export const CONSTRAINT_FIELDS = [
  ...Object.keys(BOUNDS),
  'format',
  'enum',
  'knownValues',
  'const',
  'default',
  'accept',
];

// @NOTE Only the pairs where every value of the first format is also one of the second.
const FORMAT_WIDENINGS: Readonly<Record<string, string>> = {
  did: 'at-identifier',
  handle: 'at-identifier',
  tid: 'record-key',
  'at-uri': 'uri',
};

/**
 * Compares the value constraints of a string, integer, boolean, bytes, array or blob node:
 * limits, format, enum, knownValues, const, default and accepted MIME types.
 */
export function compareConstraints(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  for (const key of Object.keys(BOUNDS) as (keyof typeof BOUNDS)[]) {
    compareBound(before, after, key, scope.at(key));
  }

  compareFormat(before['format'], after['format'], scope.at('format'));
  compareEnum(before['enum'], after['enum'], scope.at('enum'));
  compareKnownValues(before, after, scope.at('knownValues'));
  compareConst(before['const'], after['const'], scope.at('const'));
  compareDefault(before['default'], after['default'], scope.at('default'));
  compareAccept(before, after, scope.at('accept'));
}

function compareBound(
  before: SchemaNode,
  after: SchemaNode,
  key: keyof typeof BOUNDS,
  scope: DiffScope,
): void {
  const [old, next] = [before[key], after[key]];

  if (old === next) return;

  if (typeof old !== 'number') {
    scope.report('constraint-tightened', `Constraint added: ${key} ${show(next)}`);
  } else if (typeof next !== 'number') {
    scope.report('constraint-relaxed', `Constraint removed: ${key} ${old}`);
  } else {
    const relaxed = BOUNDS[key] === 'max' ? next > old : next < old;
    const change = relaxed ? 'relaxed' : 'tightened';

    scope.report(`constraint-${change}`, `Constraint ${change}: ${key} ${old} -> ${next}`);
  }
}

function compareFormat(old: unknown, next: unknown, scope: DiffScope): void {
  if (old === next) return;

  if (old === undefined) {
    scope.report('constraint-tightened', `Format added: ${show(next)}`);
  } else if (next === undefined) {
    scope.report('constraint-relaxed', `Format removed: ${show(old)}`);
  } else {
    const widened = typeof old === 'string' && FORMAT_WIDENINGS[old] === next;

    scope.report(
      widened ? 'constraint-relaxed' : 'constraint-tightened',
      `Format changed: ${show(old)} -> ${show(next)}`,
    );
  }
}

function compareEnum(old: unknown, next: unknown, scope: DiffScope): void {
  if (sameJson(old, next)) return;

  if (!Array.isArray(old)) return scope.report('enum-narrowed', `Enum added: ${show(next)}`);

  if (!Array.isArray(next)) return scope.report('enum-widened', `Enum removed: ${show(old)}`);

  for (const value of missingFrom(next, old)) {
    scope.report('enum-narrowed', `Enum value removed: ${show(value)}`);
  }

  for (const value of missingFrom(old, next)) {
    scope.report('enum-widened', `Enum value added: ${show(value)}`);
  }
}

// @NOTE a known value `#x` names the token `x` of the same document, as `<nsid>#x` does: both
// spellings are one value
function knownValuesOf(node: SchemaNode, key: 'knownValues', scope: DiffScope): string[] {
  return stringsOf(node, key).map((value) => (value.startsWith('#') ? scope.ref(value) : value));
}

function compareKnownValues(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const old = knownValuesOf(before, 'knownValues', scope);
  const next = knownValuesOf(after, 'knownValues', scope);

  for (const value of missingFrom(next, old)) {
    scope.report('known-value-removed', `Known value removed: ${value}`);
  }

  for (const value of missingFrom(old, next)) {
    scope.report('known-value-added', `Known value added: ${value}`);
  }
}

/** The values of `from` that `list` lacks, in the order of `from`. */
function missingFrom<T>(list: readonly unknown[], from: readonly T[]): T[] {
  const present = new Set(list.map(canonicalJson));

  return from.filter((value) => !present.has(canonicalJson(value)));
}

function compareConst(old: unknown, next: unknown, scope: DiffScope): void {
  if (sameJson(old, next)) return;

  if (old === undefined) scope.report('constraint-tightened', `Const added: ${show(next)}`);
  else if (next === undefined) scope.report('constraint-relaxed', `Const removed: ${show(old)}`);
  else scope.report('constraint-tightened', `Const changed: ${show(old)} -> ${show(next)}`);
}

function compareDefault(old: unknown, next: unknown, scope: DiffScope): void {
  if (sameJson(old, next)) return;

  if (old === undefined) scope.report('default-changed', `Default added: ${show(next)}`);
  else if (next === undefined) scope.report('default-changed', `Default removed: ${show(old)}`);
  else scope.report('default-changed', `Default changed: ${show(old)} -> ${show(next)}`);
}

// @NOTE A blob without `accept` takes any MIME type, the same as `['*/*']`.
function compareAccept(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const old = before['accept'] === undefined ? ['*/*'] : stringsOf(before, 'accept');
  const next = after['accept'] === undefined ? ['*/*'] : stringsOf(after, 'accept');

  for (const mime of old.filter((type) => !accepts(next, type))) {
    scope.report('constraint-tightened', `Accepted type removed: ${mime}`);
  }

  for (const mime of next.filter((type) => !accepts(old, type))) {
    scope.report('constraint-relaxed', `Accepted type added: ${mime}`);
  }
}

function accepts(patterns: readonly string[], mime: string): boolean {
  return patterns.some(
    (pattern) =>
      pattern === '*/*' ||
      pattern === mime ||
      (pattern.endsWith('/*') && mime.startsWith(pattern.slice(0, -1))),
  );
}
