import type { ExternalLexicons } from '../load/lexicon-set.js';
import type { SourceDocument } from '../load/read-lexicons.js';
import type { LexNode } from '../load/walk.js';
import { camelCase, nsidAlias, pascalCase, valueName } from '../names/identifiers.js';
import { type CodeBlockWriter, createCodeWriter, fileText } from './code-writer.js';
import type { GeneratedFile } from './emit-document.js';
import { banner } from './emit-document.js';
import { writeJsDoc, writeSummary } from './jsdoc.js';
import {
  type EmitOptions,
  modulePath,
  relativeSpecifier,
  runtimeSpecifier,
} from './module-context.js';
import {
  buildTree,
  exportName,
  isCallable,
  mainType,
  namespaceClassName,
  type NamespaceNode,
  pruned,
  sorted,
} from './namespace-tree.js';

type BaseClient = NonNullable<ExternalLexicons['client']>;

/** What writing the client collects: imports of documents and of base classes. */
interface ClientContext {
  base: BaseClient | undefined;
  documents: Map<string, string>;
  baseClasses: Set<string>;
}

function baseOf(node: NamespaceNode, context: ClientContext): string | undefined {
  if (context.base?.namespaces.has(node.path.join('.')) !== true) return undefined;

  const name = namespaceClassName(node);

  context.baseClasses.add(name);

  return `Base${name}`;
}

function writeMember(
  writer: CodeBlockWriter,
  name: string,
  source: SourceDocument,
  context: ClientContext,
): void {
  const alias = nsidAlias(source.nsid);

  context.documents.set(alias, modulePath(source.nsid));

  if (mainType(source) === 'record') {
    writeSummary(writer, `Create, read, list, update and delete ${source.nsid} records.`);
    writer.write(`get ${name}(): RecordCollection<${alias}.Main>`);
    writer.block(() =>
      writer.writeLine(`return new RecordCollection(this.#client, ${alias}.record);`),
    );

    return;
  }

  const docName = source.nsid.split('.').pop() ?? source.nsid;

  writeJsDoc(writer, (source.doc.defs as Record<string, LexNode>)['main']);
  writer.write(`${name}(): ${alias}.${pascalCase(docName)}Request`);
  writer.block(() => writer.writeLine(`return ${alias}.${valueName(docName)}(this.#client);`));
}

function writeChildGetter(
  writer: CodeBlockWriter,
  name: string,
  child: NamespaceNode,
  context: ClientContext,
  client: string,
): void {
  const override = context.base?.namespaces.has(child.path.join('.')) === true ? 'override ' : '';

  writer.write(`${override}get ${name}(): ${namespaceClassName(child)}`);
  writer.block(() => writer.writeLine(`return new ${namespaceClassName(child)}(${client});`));
}

function writeNamespaceClass(
  writer: CodeBlockWriter,
  node: NamespaceNode,
  context: ClientContext,
): void {
  const taken = new Set<string>();
  const base = baseOf(node, context);

  writer.blankLineIfLastNot();
  writeSummary(writer, `The methods of ${node.path.join('.')}.`);
  writer.write(
    `export class ${namespaceClassName(node)}${base === undefined ? '' : ` extends ${base}`}`,
  );
  writer.block(() => {
    writer.writeLine('readonly #client: XrpcClient;').blankLine();
    writer.write('constructor(client: XrpcClient)').block(() => {
      if (base !== undefined) writer.writeLine('super(client);');
      writer.writeLine('this.#client = client;');
    });

    for (const [name, source] of sorted(node.documents)) {
      if (!isCallable(source)) continue;

      const member = exportName(name, taken);

      taken.add(member);
      writer.blankLine();
      writeMember(writer, member, source, context);
    }

    for (const [segment, child] of sorted(node.children)) {
      const getter = exportName(camelCase(segment), taken);

      taken.add(getter);
      writer.blankLine();
      writeChildGetter(writer, getter, child, context, 'this.#client');
    }
  });
}

function importLines(options: EmitOptions, context: ClientContext, hasRecords: boolean): string[] {
  const runtime = runtimeSpecifier(options, 'client.ts');
  const values = [
    ...(context.base === undefined ? [options.clientBase] : []),
    ...(hasRecords ? ['RecordCollection'] : []),
  ];
  const lines = values.length > 0 ? [`import { ${values.join(', ')} } from '${runtime}';`] : [];

  if (context.base !== undefined || options.clientBase !== 'XrpcClient') {
    lines.push(`import type { XrpcClient } from '${runtime}';`);
  }

  if (context.base !== undefined) {
    const names = [
      'Client as BaseClient',
      ...[...context.baseClasses].sort().map((name) => `${name} as Base${name}`),
    ];

    lines.push(`import { ${names.join(', ')} } from '${context.base.module}';`);
  }

  return lines;
}

/**
 * `client.ts`: the `Client` class with the namespace tree (`client.app.bsky.actor.getProfile()`).
 * Given the client of an external package, it extends it, and its namespaces extend theirs, so one
 * client is typed for both sets of lexicons.
 */
export function emitClient(
  documents: readonly SourceDocument[],
  options: EmitOptions,
  base?: BaseClient,
): GeneratedFile {
  const root = pruned(buildTree(documents));
  const context: ClientContext = { base, documents: new Map(), baseClasses: new Set() };
  const body = createCodeWriter();
  const visit = (node: NamespaceNode): void => {
    for (const [, child] of sorted(node.children)) {
      writeNamespaceClass(body, child, context);
      visit(child);
    }
  };

  writeSummary(body, 'An XRPC client with every method of the lexicons, by namespace.');
  body
    .write(`export class Client extends ${base === undefined ? options.clientBase : 'BaseClient'}`)
    .block(() => {
      for (const [index, [segment, child]] of sorted(root.children).entries()) {
        if (index > 0) body.blankLine();
        writeChildGetter(body, valueName(segment), child, context, 'this');
      }
    });
  visit(root);

  const file = createCodeWriter();
  const hasRecords = documents.some((doc) => mainType(doc) === 'record');

  file.write(banner('the lexicon tree', options)).blankLine();
  for (const line of importLines(options, context, hasRecords)) file.writeLine(line);
  file.blankLine();
  for (const [alias, path] of sorted(context.documents)) {
    file.writeLine(`import * as ${alias} from '${relativeSpecifier('client.ts', path)}';`);
  }

  return { path: 'client.ts', text: fileText(file, body) };
}
