import { parseRef } from '../../load/lexicon-set.js';
import type { LexNode } from '../../load/walk.js';
import {
  errorClassName,
  pascalCase,
  propertyKey,
  setterName,
  stringLiteral,
  valueName,
} from '../../names/identifiers.js';
import type { CodeBlockWriter } from '../code-writer.js';
import { writeJsDoc, writeSummary } from '../jsdoc.js';
import type { ModuleContext } from '../module-context.js';
import {
  type ObjectField,
  fieldType,
  hasFields,
  objectFields,
  objectSchema,
  writeInterface,
} from '../object-shape.js';
import { schemaExpr } from '../schema-expr.js';
import { typeExpr } from '../type-expr.js';
import { writeSchemaConst } from './data-defs.js';

interface Body {
  encoding: string;
  schema?: LexNode;
  description?: string;
}

type BodyName = 'Input' | 'Output' | 'Message';

const JSON_ENCODING = 'application/json';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function isJson(body: Body): boolean {
  return body.encoding.split(';')[0]?.trim() === JSON_ENCODING;
}

function paramsNode(node: LexNode): LexNode | undefined {
  const params = node['parameters'] as LexNode | undefined;

  return params !== undefined && hasFields(params) ? params : undefined;
}

function emitParams(writer: CodeBlockWriter, node: LexNode, context: ModuleContext): void {
  const params = paramsNode(node);

  writer.blankLineIfLastNot();

  if (params === undefined) {
    writer.writeLine(`export type Params = Record<string, never>;`);

    return;
  }

  writeInterface(writer, 'Params', params, context);
  writeSchemaConst(writer, 'paramsSchema', 'Params', objectSchema(params, context), context);
}

function emitBody(
  writer: CodeBlockWriter,
  name: BodyName,
  body: Body | undefined,
  context: ModuleContext,
): void {
  const schemaConst = `${name.toLowerCase()}Schema`;

  writer.blankLineIfLastNot();
  writeJsDoc(writer, body as LexNode | undefined);

  if (body === undefined) {
    writer.writeLine(`export type ${name} = undefined;`);
  } else if (body.schema === undefined) {
    const binary = name === 'Input' ? context.runtimeType('BinaryBody') : 'Uint8Array';

    writer.writeLine(
      `export type ${name} = ${isJson(body) ? context.runtimeType('UnknownObject') : binary};`,
    );
  } else if (body.schema.type === 'object') {
    writeInterface(writer, name, body.schema, context);
    writeSchemaConst(writer, schemaConst, name, objectSchema(body.schema, context), context);
  } else {
    writer.writeLine(`export type ${name} = ${typeExpr(body.schema, context)};`);
    writeSchemaConst(writer, schemaConst, name, schemaExpr(body.schema, context), context);
  }
}

function declaredErrors(node: LexNode): { name: string; description?: string }[] {
  return (node['errors'] ?? []) as { name: string; description?: string }[];
}

function emitErrors(writer: CodeBlockWriter, node: LexNode, context: ModuleContext): void {
  for (const error of declaredErrors(node)) {
    const name = errorClassName(error.name);
    const description = error.description ?? `The server answered ${error.name}.`;

    writer.blankLineIfLastNot();
    writeJsDoc(writer, { type: 'error', description });
    writer
      .write(`export class ${name} extends ${context.runtimeValue('XrpcResponseError')}`)
      .block(() => {
        writer.writeLine(`override readonly name = ${stringLiteral(name)};`);
      });
  }
}

function bodyDescriptor(name: BodyName, body: Body | undefined): string | undefined {
  if (body === undefined) return undefined;

  const schema = body.schema === undefined ? '' : `, schema: ${name.toLowerCase()}Schema`;

  return `{ encoding: ${stringLiteral(body.encoding)}${schema} }`;
}

function descriptorLines(node: LexNode): string[] {
  const lines = [`type: ${stringLiteral(node.type)},`, `nsid: NSID,`];
  const input =
    node.type === 'query' ? undefined : bodyDescriptor('Input', node['input'] as Body | undefined);
  const output = bodyDescriptor('Output', node['output'] as Body | undefined);
  const errors = declaredErrors(node).map(
    (error) => `${propertyKey(error.name)}: ${errorClassName(error.name)}`,
  );

  if (paramsNode(node) !== undefined) lines.push(`params: paramsSchema,`);
  if (input !== undefined) lines.push(`input: ${input},`);
  if (output !== undefined) lines.push(`output: ${output},`);
  if (errors.length > 0) lines.push(`errors: { ${errors.join(', ')} },`);

  return lines;
}

function emitDescriptor(writer: CodeBlockWriter, node: LexNode, context: ModuleContext): void {
  const type =
    node.type === 'query'
      ? `${context.runtimeType('QueryMethod')}<Params, Output>`
      : `${context.runtimeType('ProcedureMethod')}<Params, Input, Output>`;

  writer.blankLineIfLastNot();
  writeSummary(writer, 'How to call this method.');
  writer.write(`export const method: ${type} = `).inlineBlock(() => {
    for (const line of descriptorLines(node)) writer.writeLine(line);
  });
  writer.write(';').newLine();
}

function inputFields(node: LexNode, context: ModuleContext): readonly ObjectField[] {
  const schema = (node['input'] as Body | undefined)?.schema;
  const target =
    schema?.type === 'ref'
      ? context.resolve(parseRef(schema['ref'] as string, context.nsid))
      : schema;

  return target?.type === 'object' ? objectFields(target) : [];
}

function writeSetter(
  writer: CodeBlockWriter,
  kind: '$param' | '$input',
  field: ObjectField,
  context: ModuleContext,
): void {
  const name = setterName(field.name);

  writeJsDoc(writer, field.node);
  const member = IDENTIFIER.test(name) ? name : stringLiteral(name);

  writer.write(`${member}(value: ${fieldType(field, context)}): this`);
  writer.block(() => writer.writeLine(`return this.${kind}(${stringLiteral(field.name)}, value);`));
}

function isString(node: LexNode | undefined): boolean {
  return node?.type === 'string';
}

/**
 * Whether a query pages with a cursor (a `cursor` param and output field), and the array field the
 * page carries its items in when there is exactly one.
 */
function cursorPage(node: LexNode): { items: ObjectField | undefined } | undefined {
  const output = (node['output'] as Body | undefined)?.schema;
  const params = paramsNode(node);

  if (node.type !== 'query' || output?.type !== 'object' || params === undefined) return undefined;
  if (!isString(objectFields(params).find((f) => f.name === 'cursor')?.node)) return undefined;

  const fields = objectFields(output);

  if (!isString(fields.find((f) => f.name === 'cursor')?.node)) return undefined;

  const arrays = fields.filter((field) => field.node.type === 'array');

  return { items: arrays.length === 1 ? arrays[0] : undefined };
}

function writePagination(
  writer: CodeBlockWriter,
  items: ObjectField | undefined,
  context: ModuleContext,
): void {
  const options = context.runtimeType('PaginateOptions');

  writer.blankLine();
  writeSummary(
    writer,
    'Fetches page after page, following the cursor, until the last one or `maxPages`.',
  );
  writer.write(`pages(options?: ${options}): AsyncGenerator<Output, void, undefined>`);
  writer.block(() =>
    writer.writeLine(`return ${context.runtimeValue('paginate')}(this, options);`),
  );

  if (items === undefined) return;

  const itemType = typeExpr(items.node['items'] as LexNode, context);

  writer.blankLine();
  writeSummary(writer, `Yields the \`${items.name}\` of page after page, up to \`maxItems\`.`);
  writer.write(`items(options?: ${options}): AsyncGenerator<${itemType}, void, undefined>`);
  writer.block(() => {
    const pick = `(page) => page.${items.name}${items.required ? '' : ' ?? []'}`;

    writer.writeLine(`return ${context.runtimeValue('paginateItems')}(this, ${pick}, options);`);
  });
}

function emitRequestClass(writer: CodeBlockWriter, node: LexNode, context: ModuleContext): void {
  const docName = context.nsid.split('.').pop() ?? context.nsid;
  const className = `${pascalCase(docName)}Request`;
  const base =
    node.type === 'query'
      ? `${context.runtimeValue('QueryRequest')}<Params, Output>`
      : `${context.runtimeValue('ProcedureRequest')}<Params, Input, Output>`;
  const params = paramsNode(node);

  writer.blankLineIfLastNot();
  writeSummary(writer, `A request to ${context.nsid}, built one field at a time.`);
  const setters: (readonly ['$param' | '$input', ObjectField])[] = [
    ...(params === undefined ? [] : objectFields(params)).map((f) => ['$param', f] as const),
    ...(node.type === 'query' ? [] : inputFields(node, context)).map((f) => ['$input', f] as const),
  ];

  writer.write(`export class ${className} extends ${base}`).block(() => {
    for (const [index, [kind, field]] of setters.entries()) {
      if (index > 0) writer.blankLine();
      writeSetter(writer, kind, field, context);
    }

    const page = cursorPage(node);

    if (page !== undefined) writePagination(writer, page.items, context);
  });
  writer.blankLine();
  writeJsDoc(writer, node);
  const client = context.runtimeType('XrpcClient');

  writer.write(`export function ${valueName(docName)}(client: ${client}): ${className}`);
  writer.block(() => writer.writeLine(`return new ${className}(client, method);`));
}

/** `query` and `procedure`: params, input, output, errors, the method descriptor and a builder. */
export function emitMethod(writer: CodeBlockWriter, node: LexNode, context: ModuleContext): void {
  emitParams(writer, node, context);
  if (node.type === 'procedure')
    emitBody(writer, 'Input', node['input'] as Body | undefined, context);
  emitBody(writer, 'Output', node['output'] as Body | undefined, context);
  emitErrors(writer, node, context);
  emitDescriptor(writer, node, context);
  emitRequestClass(writer, node, context);
}

/** `subscription`: params, the message union, errors and a descriptor (no transport yet). */
export function emitSubscription(
  writer: CodeBlockWriter,
  node: LexNode,
  context: ModuleContext,
): void {
  const message = node['message'] as Body | undefined;
  const body = message === undefined ? undefined : { ...message, encoding: JSON_ENCODING };
  const fields = ["type: 'subscription'", 'nsid: NSID'];

  if (paramsNode(node) !== undefined) fields.push('params: paramsSchema');
  if (body?.schema !== undefined) fields.push('message: messageSchema');

  emitParams(writer, node, context);
  emitBody(writer, 'Message', body, context);
  emitErrors(writer, node, context);
  writer.blankLineIfLastNot();
  writeSummary(writer, 'The event stream this subscription opens.');
  writer.writeLine(`export const subscription = { ${fields.join(', ')} } as const;`);
}
