import { parseRef, typeId } from '../load/lexicon-set.js';
import type { LexNode } from '../load/walk.js';
import { stringLiteral } from '../names/identifiers.js';
import { formatCheckName } from './format-check.js';
import type { ModuleContext } from './module-context.js';
import { typeExpr } from './type-expr.js';

type SchemaEmitter = (node: LexNode, context: ModuleContext) => string;

/** A call marked pure, so that bundlers drop it when its result is unused. */
export function pure(callee: string, args: readonly string[] = []): string {
  return `/*#__PURE__*/ ${callee}(${args.join(', ')})`;
}

function pipe(context: ModuleContext, base: string, actions: readonly string[]): string {
  return actions.length === 0 ? base : pure(`${context.valibot()}.pipe`, [base, ...actions]);
}

/** A string, number or boolean as a TypeScript literal. */
export function literal(value: unknown): string {
  return typeof value === 'string' ? stringLiteral(value) : JSON.stringify(value);
}

function optionsObject(node: LexNode, keys: readonly string[]): string | undefined {
  const entries = keys.filter((key) => node[key] !== undefined);

  if (entries.length === 0) return undefined;

  return `{ ${entries.map((key) => `${key}: ${literal(node[key])}`).join(', ')} }`;
}

function stringSchema(node: LexNode, context: ModuleContext): string {
  const v = context.valibot();

  if (node['const'] !== undefined) return pure(`${v}.literal`, [literal(node['const'])]);

  const closed = node['enum'] as string[] | undefined;

  if (closed !== undefined && closed.length > 0) {
    return pure(`${v}.picklist`, [`[${closed.map(literal).join(', ')}]`]);
  }

  return pipe(context, pure(`${v}.string`), stringActions(node, context));
}

function stringActions(node: LexNode, context: ModuleContext): string[] {
  const actions: string[] = [];
  const format = node['format'];
  const bytes = optionsObject(node, ['minLength', 'maxLength']);
  const graphemes = optionsObject(node, ['minGraphemes', 'maxGraphemes']);

  if (typeof format === 'string') {
    const check = formatCheckName(format);

    // @NOTE the loader refuses formats outside the lexicon spec; the runtime checks all of those
    if (check === undefined) throw new Error(`String format not supported: ${format}`);

    const args = [literal(format), context.runtimeValue(check)];

    actions.push(pure(context.runtimeValue('stringFormat'), args));
  }

  if (bytes !== undefined) actions.push(pure(context.runtimeValue('utf8Length'), [bytes]));
  if (graphemes !== undefined)
    actions.push(pure(context.runtimeValue('graphemeLength'), [graphemes]));

  return actions;
}

function integerSchema(node: LexNode, context: ModuleContext): string {
  const v = context.valibot();

  if (node['const'] !== undefined) return pure(`${v}.literal`, [literal(node['const'])]);

  const closed = node['enum'] as number[] | undefined;

  if (closed !== undefined && closed.length > 0) {
    return pure(`${v}.picklist`, [`[${closed.join(', ')}]`]);
  }

  const actions = [pure(`${v}.integer`)];

  if (node['minimum'] !== undefined)
    actions.push(pure(`${v}.minValue`, [literal(node['minimum'])]));
  if (node['maximum'] !== undefined)
    actions.push(pure(`${v}.maxValue`, [literal(node['maximum'])]));

  return pipe(context, pure(`${v}.number`), actions);
}

function booleanSchema(node: LexNode, context: ModuleContext): string {
  const v = context.valibot();

  return node['const'] === undefined
    ? pure(`${v}.boolean`)
    : pure(`${v}.literal`, [literal(node['const'])]);
}

function arraySchema(node: LexNode, context: ModuleContext): string {
  const items = schemaExpr(node['items'] as LexNode, context);
  const bounds = optionsObject(node, ['minLength', 'maxLength']);

  return pure(context.runtimeValue('lexArray'), bounds === undefined ? [items] : [items, bounds]);
}

function refSchema(node: LexNode, context: ModuleContext): string {
  const target = parseRef(node['ref'] as string, context.nsid);

  // @NOTE every ref is lazy: documents refer to each other in cycles, and a lazy getter keeps
  // module evaluation order irrelevant
  return pure(`${context.valibot()}.lazy`, [`() => ${context.schemaRef(target)}`]);
}

function unionSchema(node: LexNode, context: ModuleContext): string {
  const members = (node['refs'] as string[]).map((ref) => {
    const target = parseRef(ref, context.nsid);

    return `${stringLiteral(typeId(target))}: () => ${context.schemaRef(target)}`;
  });
  const closed = node['closed'] === true ? 'true' : 'false';
  const callee = `${context.runtimeValue('typedUnion')}<${typeExpr(node, context)}>`;

  return pure(callee, [`{ ${members.join(', ')} }`, closed]);
}

const EMITTERS: Readonly<Record<string, SchemaEmitter>> = {
  boolean: booleanSchema,
  integer: integerSchema,
  string: stringSchema,
  bytes: (node, context) =>
    pure(
      context.runtimeValue('bytes'),
      optionsArg(optionsObject(node, ['minLength', 'maxLength'])),
    ),
  'cid-link': (_node, context) => pure(context.runtimeValue('cidLink')),
  blob: (node, context) =>
    pure(context.runtimeValue('blob'), optionsArg(optionsObject(node, ['accept', 'maxSize']))),
  unknown: (_node, context) => pure(context.runtimeValue('unknownObject')),
  array: arraySchema,
  ref: refSchema,
  union: unionSchema,
};

function optionsArg(options: string | undefined): string[] {
  return options === undefined ? [] : [options];
}

/** The valibot schema expression of a field schema (everything but objects). */
export function schemaExpr(node: LexNode, context: ModuleContext): string {
  const emit = EMITTERS[node.type];

  if (emit === undefined) throw new Error(`Field type not supported: ${node.type}`);

  return emit(node, context);
}
