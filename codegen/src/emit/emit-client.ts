import { isCallable, mainType } from '../load/document-kind.js';
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
  namespaceClassName,
  type NamespaceNode,
  pruned,
  sorted,
} from './namespace-tree.js';

type BaseClient = NonNullable<ExternalLexicons['client']>;

/**
 * Keeps the namespace classes of earlier runs' clients. Its method must not throw, but lets what
 * `make` throws through.
 */
export interface ClientMemo {
  /**
   * The text of the namespace class at `path`: as made before when `shape` and the documents are
   * the same now, else what `make` returns.
   */
  namespaceClass(
    path: string,
    documents: readonly SourceDocument[],
    shape: unknown,
    make: () => string,
  ): string;
}

function extendsBase(node: NamespaceNode, base: BaseClient | undefined): boolean {
  return base?.namespaces.has(node.path.join('.')) === true;
}

function writeMember(writer: CodeBlockWriter, name: string, source: SourceDocument): void {
  const alias = nsidAlias(source.nsid);

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
  base: BaseClient | undefined,
  client: string,
): void {
  const override = extendsBase(child, base) ? 'override ' : '';

  writer.write(`${override}get ${name}(): ${namespaceClassName(child)}`);
  writer.block(() => writer.writeLine(`return new ${namespaceClassName(child)}(${client});`));
}

function writeNamespaceClass(
  writer: CodeBlockWriter,
  node: NamespaceNode,
  base: BaseClient | undefined,
): void {
  const taken = new Set<string>();
  const name = namespaceClassName(node);

  writeSummary(writer, `The methods of ${node.path.join('.')}.`);
  writer.write(`export class ${name}${extendsBase(node, base) ? ` extends Base${name}` : ''}`);
  writer.block(() => {
    writer.writeLine('readonly #client: XrpcClient;').blankLine();
    writer.write('constructor(client: XrpcClient)').block(() => {
      if (extendsBase(node, base)) writer.writeLine('super(client);');
      writer.writeLine('this.#client = client;');
    });

    for (const [name, source] of sorted(node.documents)) {
      if (!isCallable(source)) continue;

      const member = exportName(name, taken);

      taken.add(member);
      writer.blankLine();
      writeMember(writer, member, source);
    }

    for (const [segment, child] of sorted(node.children)) {
      const getter = exportName(camelCase(segment), taken);

      taken.add(getter);
      writer.blankLine();
      writeChildGetter(writer, getter, child, base, 'this.#client');
    }
  });
}

/** The text of a namespace class, from the memo when nothing it is made from changed. */
function namespaceClass(
  node: NamespaceNode,
  base: BaseClient | undefined,
  memo?: ClientMemo,
): string {
  const documents = sorted(node.documents);
  const shape = {
    path: node.path,
    extendsBase: extendsBase(node, base),
    children: sorted(node.children).map(([segment, child]) => [segment, extendsBase(child, base)]),
    documents: documents.map(([name, source]) => [name, source.nsid]),
  };
  const make = () => {
    const writer = createCodeWriter();

    writeNamespaceClass(writer, node, base);

    return writer.toString();
  };

  return memo === undefined
    ? make()
    : memo.namespaceClass(
        node.path.join('.'),
        documents.map(([, doc]) => doc),
        shape,
        make,
      );
}

/** The namespaces of the client tree below its root, depth first, as the classes are written. */
function namespacesOf(node: NamespaceNode): NamespaceNode[] {
  return sorted(node.children).flatMap(([, child]) => [child, ...namespacesOf(child)]);
}

/** Whether the client is the runtime's `AtpClient` itself, which gets the default resolver. */
function resolvesIdentity(options: EmitOptions, base: BaseClient | undefined): boolean {
  return base === undefined && options.clientBase === 'AtpClient';
}

function writeConstructor(writer: CodeBlockWriter): void {
  writeSummary(
    writer,
    "Without a `service`, `authenticate` resolves the account's handle or DID to its PDS.",
  );
  writer.write('constructor(options: AtpClientOptions = {})').block(() => {
    writer.writeLine('super(withIdentityResolver(options));');
  });
}

function importLines(
  options: EmitOptions,
  namespaces: readonly NamespaceNode[],
  base: BaseClient | undefined,
  hasRecords: boolean,
): string[] {
  const runtime = runtimeSpecifier(options, 'client.ts');
  const resolves = resolvesIdentity(options, base);
  const values = [
    ...(base === undefined ? [options.clientBase] : []),
    ...(hasRecords ? ['RecordCollection'] : []),
    ...(resolves ? ['withIdentityResolver'] : []),
  ];
  const types = [
    ...(resolves ? ['AtpClientOptions'] : []),
    ...(base !== undefined || options.clientBase !== 'XrpcClient' ? ['XrpcClient'] : []),
  ];
  const lines = values.length > 0 ? [`import { ${values.join(', ')} } from '${runtime}';`] : [];

  if (types.length > 0) lines.push(`import type { ${types.join(', ')} } from '${runtime}';`);

  if (base !== undefined) {
    const classes = namespaces.filter((node) => extendsBase(node, base)).map(namespaceClassName);
    const names = [
      'Client as BaseClient',
      ...[...new Set(classes)].sort().map((name) => `${name} as Base${name}`),
    ];

    lines.push(`import { ${names.join(', ')} } from '${base.module}';`);
  }

  return lines;
}

/** The import of each callable document's module, by alias, as the namespace classes use them. */
function documentImports(namespaces: readonly NamespaceNode[]): string[] {
  const modules = new Map<string, string>();

  for (const node of namespaces) {
    for (const [, source] of sorted(node.documents)) {
      if (isCallable(source)) modules.set(nsidAlias(source.nsid), modulePath(source.nsid));
    }
  }

  return sorted(modules).map(
    ([alias, path]) => `import * as ${alias} from '${relativeSpecifier('client.ts', path)}';`,
  );
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
  memo?: ClientMemo,
): GeneratedFile {
  const root = pruned(buildTree(documents));
  const namespaces = namespacesOf(root);
  const body = createCodeWriter();
  const resolves = resolvesIdentity(options, base);

  writeSummary(body, 'An XRPC client with every method of the lexicons, by namespace.');
  body
    .write(`export class Client extends ${base === undefined ? options.clientBase : 'BaseClient'}`)
    .block(() => {
      if (resolves) writeConstructor(body);

      for (const [index, [segment, child]] of sorted(root.children).entries()) {
        if (index > 0 || resolves) body.blankLine();
        writeChildGetter(body, valueName(segment), child, base, 'this');
      }
    });

  const file = createCodeWriter();
  const hasRecords = documents.some((doc) => mainType(doc) === 'record');
  const classes = namespaces.map((node) => namespaceClass(node, base, memo));

  file.write(banner('the lexicon tree', options)).blankLine();
  for (const line of importLines(options, namespaces, base, hasRecords)) file.writeLine(line);
  file.blankLine();
  for (const line of documentImports(namespaces)) file.writeLine(line);

  // @NOTE Each class is written apart, at the top level, so that it can be kept between runs
  return { path: 'client.ts', text: fileText(file, [body.toString(), ...classes].join('\n\n')) };
}
