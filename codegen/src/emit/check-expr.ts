import type { LexNode } from '../load/walk.js';
import { stringLiteral } from '../names/identifiers.js';
import { formatCheckName } from './format-check.js';
import type { ModuleContext } from './module-context.js';
import type { ObjectField, TypeTag } from './object-shape.js';
import { literal } from './schema-expr.js';

type InlineCheck = (node: LexNode, value: string, context: ModuleContext) => string | undefined;

function oneOf(value: string, node: LexNode): string | undefined {
  if (node['const'] !== undefined) return `${value} === ${literal(node['const'])}`;

  const closed = node['enum'] as unknown[] | undefined;

  if (closed === undefined || closed.length === 0) return undefined;

  return `(${closed.map((option) => `${value} === ${literal(option)}`).join(' || ')})`;
}

function bound(node: LexNode, key: string, fallback: string): string {
  return node[key] === undefined ? fallback : literal(node[key]);
}

function stringCheck(node: LexNode, value: string, context: ModuleContext): string | undefined {
  const format = node['format'];
  const formatCheck = typeof format === 'string' ? formatCheckName(format) : undefined;

  if (typeof format === 'string' && formatCheck === undefined) return undefined;

  const parts = [`typeof ${value} === 'string'`];

  if (formatCheck !== undefined) parts.push(`${context.runtimeValue(formatCheck)}(${value})`);
  if (node['minLength'] !== undefined || node['maxLength'] !== undefined) {
    const [min, max] = [bound(node, 'minLength', '0'), bound(node, 'maxLength', 'Infinity')];

    parts.push(`${context.runtimeValue('hasUtf8Length')}(${value}, ${min}, ${max})`);
  }
  if (node['minGraphemes'] !== undefined || node['maxGraphemes'] !== undefined) {
    const [min, max] = [bound(node, 'minGraphemes', '0'), bound(node, 'maxGraphemes', 'Infinity')];

    parts.push(`${context.runtimeValue('hasGraphemeLength')}(${value}, ${min}, ${max})`);
  }

  return parts.join(' && ');
}

function integerCheck(node: LexNode, value: string): string {
  const parts = [`typeof ${value} === 'number'`, `Number.isInteger(${value})`];

  if (node['minimum'] !== undefined) parts.push(`${value} >= ${literal(node['minimum'])}`);
  if (node['maximum'] !== undefined) parts.push(`${value} <= ${literal(node['maximum'])}`);

  return parts.join(' && ');
}

const INLINE_CHECKS: Readonly<Record<string, InlineCheck>> = {
  string: (node, value, context) => oneOf(value, node) ?? stringCheck(node, value, context),
  integer: (node, value) => oneOf(value, node) ?? integerCheck(node, value),
  boolean: (node, value) => oneOf(value, node) ?? `typeof ${value} === 'boolean'`,
};

/**
 * The test of one field: primitives written out, everything else (refs, unions, arrays, blobs)
 * through `c[index]`, the check of the field's schema that the runtime builds.
 */
function fieldCheck(field: ObjectField, index: number, inline: string | undefined): string {
  const value = fieldValue(field);
  const check = inline ?? `c[${index}]!(${value})`;
  const present =
    field.nullable && inline !== undefined ? `(${value} === null || ${check})` : check;

  if (!field.required) return `(${value} === undefined || ${present})`;

  return inline === undefined ? `${value} !== undefined && ${present}` : present;
}

function fieldValue(field: ObjectField): string {
  return `o[${stringLiteral(field.name)}]`;
}

function inlineCheck(field: ObjectField, context: ModuleContext): string | undefined {
  return INLINE_CHECKS[field.node.type]?.(field.node, fieldValue(field), context);
}

function tagCheck(tag: TypeTag): string {
  const test = `o['$type'] === ${stringLiteral(tag.value)}`;

  return tag.required ? test : `(o['$type'] === undefined || ${test})`;
}

/**
 * Whether a field can be checked as `o[name]` with its check at the index the emitter counts:
 * not a name objects inherit (`constructor`, `__proto__`), which only an own-property test may look
 * up; not an array index, which `Object.entries` would list first, out of the lexicon's order.
 * (A field named `$type` is refused when the lexicons are loaded.)
 */
function isSimpleKey(name: string): boolean {
  return !(name in Object.prototype) && !/^(?:0|[1-9]\d*)$/.test(name);
}

/**
 * The generated check that `lexObject` runs before anything else: `(o, c) => ...`, true when
 * every field passes. Undefined when there is nothing to check, or when a field name is not a
 * simple key (see `isSimpleKey`): the runtime then checks the fields in a loop.
 */
export function objectCheck(
  fields: readonly ObjectField[],
  context: ModuleContext,
  tag?: TypeTag,
): string | undefined {
  if (fields.some(({ name }) => !isSimpleKey(name))) return undefined;

  const offset = tag === undefined ? 0 : 1;
  const inline = fields.map((field) => inlineCheck(field, context));
  const parts = fields.map((field, index) => fieldCheck(field, index + offset, inline[index]));

  if (tag !== undefined) parts.unshift(tagCheck(tag));
  if (parts.length === 0) return undefined;

  const params = inline.includes(undefined) ? '(o, c)' : '(o)';

  return `${params} =>\n  ${parts.join(' &&\n  ')}`;
}
