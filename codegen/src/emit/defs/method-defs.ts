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
import { jsDoc } from '../jsdoc.js';
import type { ModuleContext } from '../module-context.js';
import { fieldType, interfaceBody, objectFields, objectSchema } from '../object-shape.js';
import { schemaExpr } from '../schema-expr.js';
import { typeExpr } from '../type-expr.js';
import { schemaType } from './data-defs.js';

interface Body {
  encoding: string;
  schema?: LexNode;
  description?: string;
}

type BodyName = 'Input' | 'Output' | 'Message';

const JSON_ENCODING = 'application/json';

function isJson(body: Body | undefined): boolean {
  return body !== undefined && body.encoding.split(';')[0]?.trim() === JSON_ENCODING;
}

function emitParams(node: LexNode, context: ModuleContext): string {
  const params = node['parameters'] as LexNode | undefined;

  if (params === undefined || objectFields(params).length === 0) {
    return `export type Params = Record<string, never>;\n`;
  }

  return (
    `export interface Params {\n${interfaceBody(params, context)}}\n\n` +
    `export const paramsSchema: ${schemaType(context, 'Params')} = ${objectSchema(params, context)};\n`
  );
}

function binaryType(name: BodyName, context: ModuleContext): string {
  return name === 'Input' ? context.runtimeType('BinaryBody') : 'Uint8Array';
}

function emitBody(name: BodyName, body: Body | undefined, context: ModuleContext): string {
  const schemaConst = `${name.toLowerCase()}Schema`;
  const doc = jsDoc(body as LexNode | undefined);

  if (body === undefined) return `export type ${name} = undefined;\n`;
  if (body.schema === undefined) {
    const type = isJson(body) ? context.runtimeType('UnknownObject') : binaryType(name, context);

    return `${doc}export type ${name} = ${type};\n`;
  }

  if (body.schema.type === 'object') {
    return (
      `${doc}export interface ${name} {\n${interfaceBody(body.schema, context)}}\n\n` +
      `export const ${schemaConst}: ${schemaType(context, name)} = ${objectSchema(body.schema, context)};\n`
    );
  }

  return (
    `${doc}export type ${name} = ${typeExpr(body.schema, context)};\n\n` +
    `export const ${schemaConst}: ${schemaType(context, name)} = ${schemaExpr(body.schema, context)};\n`
  );
}

function emitErrors(node: LexNode, context: ModuleContext): string {
  const errors = (node['errors'] ?? []) as { name: string; description?: string }[];
  const base = context.runtimeValue('XrpcResponseError');

  return errors
    .map((error) => {
      const name = errorClassName(error.name);
      const doc = jsDoc({ type: 'error', description: error.description ?? `The server answered ${error.name}.` });

      return `${doc}export class ${name} extends ${base} {\n  override readonly name = ${stringLiteral(name)};\n}\n`;
    })
    .join('\n');
}

function bodyDescriptor(name: BodyName, body: Body | undefined): string | undefined {
  if (body === undefined) return undefined;

  const schema = body.schema === undefined ? '' : `, schema: ${name.toLowerCase()}Schema`;

  return `{ encoding: ${stringLiteral(body.encoding)}${schema} }`;
}

function emitDescriptor(node: LexNode, context: ModuleContext): string {
  const isQuery = node.type === 'query';
  const type = isQuery
    ? `${context.runtimeType('QueryMethod')}<Params, Output>`
    : `${context.runtimeType('ProcedureMethod')}<Params, Input, Output>`;
  const params = node['parameters'] as LexNode | undefined;
  const errors = (node['errors'] ?? []) as { name: string }[];
  const lines = [`  type: ${stringLiteral(node.type)},`, `  nsid: NSID,`];
  const input = isQuery ? undefined : bodyDescriptor('Input', node['input'] as Body | undefined);
  const output = bodyDescriptor('Output', node['output'] as Body | undefined);

  if (params !== undefined && objectFields(params).length > 0) lines.push(`  params: paramsSchema,`);
  if (input !== undefined) lines.push(`  input: ${input},`);
  if (output !== undefined) lines.push(`  output: ${output},`);
  if (errors.length > 0) {
    const entries = errors.map((error) => `${propertyKey(error.name)}: ${errorClassName(error.name)}`);

    lines.push(`  errors: { ${entries.join(', ')} },`);
  }

  return `/** How to call this method. */\nexport const method: ${type} = {\n${lines.join('\n')}\n};\n`;
}

function inputFields(node: LexNode, context: ModuleContext): LexNode | undefined {
  const input = node['input'] as Body | undefined;
  const schema = input?.schema;

  if (schema?.type === 'object') return schema;
  if (schema?.type !== 'ref') return undefined;

  const target = context.set.resolve(parseRef(schema['ref'] as string, context.nsid));

  return target?.type === 'object' ? target : undefined;
}

function setter(method: '$param' | '$input', field: ReturnType<typeof objectFields>[number], context: ModuleContext): string {
  const name = setterName(field.name);
  const key = stringLiteral(field.name);

  return (
    `${jsDoc(field.node, '  ')}  ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name)}(value: ${fieldType(field, context)}): this {\n` +
    `    return this.${method}(${key}, value);\n  }\n`
  );
}

function emitRequestClass(docName: string, node: LexNode, context: ModuleContext): string {
  const isQuery = node.type === 'query';
  const className = `${pascalCase(docName)}Request`;
  const base = isQuery
    ? `${context.runtimeValue('QueryRequest')}<Params, Output>`
    : `${context.runtimeValue('ProcedureRequest')}<Params, Input, Output>`;
  const params = node['parameters'] as LexNode | undefined;
  const setters: string[] = [];

  for (const field of params === undefined ? [] : objectFields(params)) {
    setters.push(setter('$param', field, context));
  }

  const input = isQuery ? undefined : inputFields(node, context);

  for (const field of input === undefined ? [] : objectFields(input)) {
    setters.push(setter('$input', field, context));
  }

  const client = context.runtimeType('XrpcClient');
  const factory = valueName(docName);

  return (
    `/** A request to ${context.nsid}, built one field at a time. */\n` +
    `export class ${className} extends ${base} {\n${setters.join('\n')}}\n\n` +
    `${jsDoc(node)}export function ${factory}(client: ${client}): ${className} {\n` +
    `  return new ${className}(client, method);\n}\n`
  );
}

/** `query` and `procedure`: params, input, output, errors, the method descriptor and a builder. */
export function emitMethod(node: LexNode, context: ModuleContext): string {
  const docName = context.nsid.split('.').pop() ?? context.nsid;
  const parts = [
    emitParams(node, context),
    node.type === 'procedure' ? emitBody('Input', node['input'] as Body | undefined, context) : '',
    emitBody('Output', node['output'] as Body | undefined, context),
    emitErrors(node, context),
    emitDescriptor(node, context),
    emitRequestClass(docName, node, context),
  ];

  return parts.filter((part) => part !== '').join('\n');
}

/** `subscription`: params, the message union, errors and a descriptor (no transport yet). */
export function emitSubscription(node: LexNode, context: ModuleContext): string {
  const message = node['message'] as Body | undefined;
  const body = message === undefined ? undefined : { ...message, encoding: JSON_ENCODING };
  const params = node['parameters'] as LexNode | undefined;
  const hasParams = params !== undefined && objectFields(params).length > 0;
  const descriptor =
    `/** The event stream this subscription opens. */\n` +
    `export const subscription = { type: 'subscription', nsid: NSID${hasParams ? ', params: paramsSchema' : ''}` +
    `${body?.schema === undefined ? '' : ', message: messageSchema'} } as const;\n`;
  const parts = [
    emitParams(node, context),
    emitBody('Message', body, context),
    emitErrors(node, context),
    descriptor,
  ];

  return parts.filter((part) => part !== '').join('\n');
}
