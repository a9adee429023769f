import { typeId } from '../../load/lexicon-set.js';
import type { LexNode } from '../../load/walk.js';
import { schemaName, stringLiteral, typeName } from '../../names/identifiers.js';
import type { CodeBlockWriter } from '../code-writer.js';
import { writeJsDoc, writeSummary } from '../jsdoc.js';
import type { ModuleContext } from '../module-context.js';
import { objectSchema, writeInterface } from '../object-shape.js';
import { schemaExpr } from '../schema-expr.js';
import { typeExpr } from '../type-expr.js';

/** The declared type of a schema constant: explicit, so consumers never infer valibot types. */
export function schemaType(context: ModuleContext, type: string): string {
  return `${context.valibot()}.GenericSchema<unknown, ${type}>`;
}

/** Writes `export const <name>: GenericSchema<unknown, <type>> = <schema>;`. */
export function writeSchemaConst(
  writer: CodeBlockWriter,
  name: string,
  type: string,
  schema: string,
  context: ModuleContext,
): void {
  writer
    .blankLineIfLastNot()
    .writeLine(`export const ${name}: ${schemaType(context, type)} = ${schema};`);
}

/** `object`: an interface and a loose-object schema; `$type` is optional. */
export function emitObject(
  writer: CodeBlockWriter,
  def: string,
  node: LexNode,
  context: ModuleContext,
): void {
  const name = typeName(def);
  const tag = { value: typeId({ nsid: context.nsid, def }), required: false };

  writeJsDoc(writer, node);
  writeInterface(writer, name, node, context, tag);
  writeSchemaConst(writer, schemaName(def), name, objectSchema(node, context, tag), context);
}

/** `record`: like an object whose `$type` is required, plus the record's collection and key. */
export function emitRecord(
  writer: CodeBlockWriter,
  def: string,
  node: LexNode,
  context: ModuleContext,
): void {
  const name = typeName(def);
  const record = node['record'] as LexNode;
  const tag = { value: typeId({ nsid: context.nsid, def }), required: true };
  const key = typeof node['key'] === 'string' ? node['key'] : 'any';

  writeJsDoc(writer, node);
  writeInterface(writer, name, record, context, tag);
  writeSchemaConst(writer, schemaName(def), name, objectSchema(record, context, tag), context);
  writer.blankLine();
  writeSummary(writer, 'The collection and record key type of this record.');
  const fields = `collection: NSID, key: ${stringLiteral(key)}, schema: ${schemaName(def)}`;

  writer.writeLine(`export const record = { ${fields} } as const;`);
}

/** A named string, integer, boolean, array, blob, bytes or cid-link: a type alias and a schema. */
export function emitAlias(
  writer: CodeBlockWriter,
  def: string,
  node: LexNode,
  context: ModuleContext,
): void {
  const name = typeName(def);

  writeJsDoc(writer, node);
  writer.writeLine(`export type ${name} = ${typeExpr(node, context)};`);
  writeSchemaConst(writer, schemaName(def), name, schemaExpr(node, context), context);
}

/** `token`: a constant holding its fully qualified name, and the literal type of it. */
export function emitToken(
  writer: CodeBlockWriter,
  def: string,
  node: LexNode,
  context: ModuleContext,
): void {
  const name = typeName(def);

  writeJsDoc(writer, node);
  writer.writeLine(`export const ${name} = ${stringLiteral(typeId({ nsid: context.nsid, def }))};`);
  writer.writeLine(`export type ${name} = typeof ${name};`);
}

/** `permission-set`: kept as typed, read-only data. */
export function emitPermissionSet(writer: CodeBlockWriter, def: string, node: LexNode): void {
  const name = typeName(def);

  writeJsDoc(writer, node);
  writer.writeLine(`export const ${name} = ${JSON.stringify(node, null, 2)} as const;`);
  writer.writeLine(`export type ${name} = typeof ${name};`);
}
