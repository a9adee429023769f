import { typeId } from '../../load/lexicon-set.js';
import type { LexNode } from '../../load/walk.js';
import { schemaName, stringLiteral, typeName } from '../../names/identifiers.js';
import { jsDoc } from '../jsdoc.js';
import type { ModuleContext } from '../module-context.js';
import { interfaceBody, objectSchema } from '../object-shape.js';
import { schemaExpr } from '../schema-expr.js';
import { typeExpr } from '../type-expr.js';

/** The declared type of a schema constant: explicit, so consumers never infer valibot types. */
export function schemaType(context: ModuleContext, type: string): string {
  return `${context.valibot()}.GenericSchema<unknown, ${type}>`;
}

/** `object`: an interface and a loose-object schema; `$type` is optional. */
export function emitObject(def: string, node: LexNode, context: ModuleContext): string {
  const name = typeName(def);
  const tag = { value: typeId({ nsid: context.nsid, def }), required: false };

  return (
    `${jsDoc(node)}export interface ${name} {\n${interfaceBody(node, context, tag)}}\n\n` +
    `export const ${schemaName(def)}: ${schemaType(context, name)} = ${objectSchema(node, context, tag)};\n`
  );
}

/** `record`: like an object whose `$type` is required, plus the record's collection and key. */
export function emitRecord(def: string, node: LexNode, context: ModuleContext): string {
  const name = typeName(def);
  const record = node['record'] as LexNode;
  const tag = { value: typeId({ nsid: context.nsid, def }), required: true };
  const key = typeof node['key'] === 'string' ? node['key'] : 'any';

  return (
    `${jsDoc(node)}export interface ${name} {\n${interfaceBody(record, context, tag)}}\n\n` +
    `export const ${schemaName(def)}: ${schemaType(context, name)} = ${objectSchema(record, context, tag)};\n\n` +
    `/** The collection and record key type of this record. */\n` +
    `export const record = { collection: NSID, key: ${stringLiteral(key)}, schema: ${schemaName(def)} } as const;\n`
  );
}

/** A named string, integer, boolean, array, blob, bytes or cid-link: a type alias and a schema. */
export function emitAlias(def: string, node: LexNode, context: ModuleContext): string {
  const name = typeName(def);

  return (
    `${jsDoc(node)}export type ${name} = ${typeExpr(node, context)};\n\n` +
    `export const ${schemaName(def)}: ${schemaType(context, name)} = ${schemaExpr(node, context)};\n`
  );
}

/** `token`: a constant holding its fully qualified name, and the literal type of it. */
export function emitToken(def: string, node: LexNode, context: ModuleContext): string {
  const name = typeName(def);
  const value = stringLiteral(typeId({ nsid: context.nsid, def }));

  return `${jsDoc(node)}export const ${name} = ${value};\nexport type ${name} = typeof ${name};\n`;
}

/** `permission-set`: kept as typed, read-only data. */
export function emitPermissionSet(def: string, node: LexNode): string {
  const name = typeName(def);
  const data = JSON.stringify(node, null, 2);

  return `${jsDoc(node)}export const ${name} = ${data} as const;\nexport type ${name} = typeof ${name};\n`;
}
