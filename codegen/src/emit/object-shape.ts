import type { LexNode } from '../load/walk.js';
import { literalKey, propertyKey, stringLiteral } from '../names/identifiers.js';
import { objectCheck } from './check-expr.js';
import type { CodeBlockWriter } from './code-writer.js';
import { jsDocLines } from './jsdoc.js';
import type { ModuleContext } from './module-context.js';
import { pure, schemaExpr } from './schema-expr.js';
import { typeExpr } from './type-expr.js';

/** A field of an object or params schema, as emitters need it. */
export interface ObjectField {
  name: string;
  node: LexNode;
  required: boolean;
  nullable: boolean;
}

/** The fields of an `object` or `params` node, sorted by name. */
export function objectFields(node: LexNode): readonly ObjectField[] {
  const properties = (node['properties'] ?? {}) as Record<string, LexNode>;
  const required = new Set((node['required'] ?? []) as string[]);
  const nullable = new Set((node['nullable'] ?? []) as string[]);

  return Object.keys(properties)
    .sort()
    .map((name) => ({
      name,
      node: properties[name] as LexNode,
      required: required.has(name),
      nullable: nullable.has(name),
    }));
}

/** Whether an `object` or `params` node has any field. */
export function hasFields(node: LexNode): boolean {
  return Object.keys((node['properties'] ?? {}) as object).length > 0;
}

/** The `$type` a typed object may carry: required for records, optional for objects. */
export interface TypeTag {
  value: string;
  required: boolean;
}

/** The type of one field, with `| null` when the field is nullable. */
export function fieldType(field: ObjectField, context: ModuleContext): string {
  const type = typeExpr(field.node, context);

  return field.nullable ? `${type} | null` : type;
}

/** Writes `export interface <name> { ... }` for an object or params node, members with JSDoc. */
export function writeInterface(
  writer: CodeBlockWriter,
  name: string,
  node: LexNode,
  context: ModuleContext,
  tag?: TypeTag,
): void {
  writer.write(`export interface ${name}`).block(() => {
    const level = writer.getIndentationLevel();
    const lines: string[] = [];

    if (tag !== undefined)
      lines.push(`$type${tag.required ? '' : '?'}: ${stringLiteral(tag.value)};`);

    for (const field of objectFields(node)) {
      const optional = field.required ? '' : '?';

      lines.push(...jsDocLines(field.node, level));
      lines.push(`${propertyKey(field.name)}${optional}: ${fieldType(field, context)};`);
    }

    // @NOTE The members go to the writer in one call, which indents each line
    if (lines.length > 0) writer.writeLine(lines.join('\n'));
  });
}

function fieldSchema(field: ObjectField, context: ModuleContext): string {
  const v = context.valibot();
  const schema = schemaExpr(field.node, context);
  const nullable = field.nullable ? pure(`${v}.nullable`, [schema]) : schema;

  return field.required ? nullable : pure(`${v}.exactOptional`, [nullable]);
}

/**
 * The valibot schema of an object or params node: the runtime's `lexObject`, which checks the
 * known fields, keeps unknown ones and, unlike `v.looseObject`, does not copy the object. Its
 * second argument is the generated check that lets valid values through without collecting issues.
 */
export function objectSchema(node: LexNode, context: ModuleContext, tag?: TypeTag): string {
  const v = context.valibot();
  const entries: string[] = [];

  if (tag !== undefined) {
    const literal = pure(`${v}.literal`, [stringLiteral(tag.value)]);

    entries.push(`  $type: ${tag.required ? literal : pure(`${v}.exactOptional`, [literal])},\n`);
  }

  const fields = objectFields(node);

  for (const field of fields) {
    entries.push(`  ${literalKey(field.name)}: ${fieldSchema(field, context)},\n`);
  }

  const check = objectCheck(fields, context, tag);
  const args = [entries.length === 0 ? '{}' : `{\n${entries.join('')}}`];

  return pure(context.runtimeValue('lexObject'), check === undefined ? args : [...args, check]);
}
