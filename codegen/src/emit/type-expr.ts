import { parseRef, typeId } from '../load/lexicon-set.js';
import type { LexNode } from '../load/walk.js';
import { stringLiteral } from '../names/identifiers.js';
import type { ModuleContext } from './module-context.js';

type TypeEmitter = (node: LexNode, context: ModuleContext) => string;

function literalUnion(values: readonly (string | number)[]): string {
  return values
    .map((value) => (typeof value === 'string' ? stringLiteral(value) : `${value}`))
    .join(' | ');
}

function stringType(node: LexNode): string {
  const constant = node['const'];
  const closed = node['enum'] as string[] | undefined;
  const known = node['knownValues'] as string[] | undefined;

  if (typeof constant === 'string') return stringLiteral(constant);
  if (closed !== undefined && closed.length > 0) return literalUnion(closed);
  if (known !== undefined && known.length > 0) return `${literalUnion(known)} | (string & {})`;

  return 'string';
}

function integerType(node: LexNode): string {
  const constant = node['const'];
  const closed = node['enum'] as number[] | undefined;

  if (typeof constant === 'number') return `${constant}`;
  if (closed !== undefined && closed.length > 0) return literalUnion(closed);

  return 'number';
}

function arrayType(node: LexNode, context: ModuleContext): string {
  const item = typeExpr(node['items'] as LexNode, context);

  return /^[\w.$]+$/.test(item) ? `${item}[]` : `(${item})[]`;
}

function unionType(node: LexNode, context: ModuleContext): string {
  const typed = context.runtimeType('$Typed');
  const members = (node['refs'] as string[]).map((ref) => {
    const target = parseRef(ref, context.nsid);

    return `${typed}<${context.typeRef(target)}, ${stringLiteral(typeId(target))}>`;
  });

  if (node['closed'] !== true) members.push(context.runtimeType('UnknownTypedObject'));

  return members.length === 0 ? 'never' : members.join(' | ');
}

const EMITTERS: Readonly<Record<string, TypeEmitter>> = {
  boolean: (node) => (typeof node['const'] === 'boolean' ? `${node['const']}` : 'boolean'),
  integer: integerType,
  string: stringType,
  bytes: (_node, context) => context.runtimeType('Bytes'),
  'cid-link': (_node, context) => context.runtimeType('CidLink'),
  blob: (_node, context) => context.runtimeType('BlobRef'),
  unknown: (_node, context) => context.runtimeType('UnknownObject'),
  array: arrayType,
  ref: (node, context) => context.typeRef(parseRef(node['ref'] as string, context.nsid)),
  union: unionType,
};

/** The TypeScript type of a field schema (everything but objects, which are declared by name). */
export function typeExpr(node: LexNode, context: ModuleContext): string {
  const emit = EMITTERS[node.type];

  if (emit === undefined) throw new Error(`Field type not supported: ${node.type}`);

  return emit(node, context);
}
