import type { LexNode } from '../load/walk.js';
import type { SourceDocument } from '../load/read-lexicons.js';
import { camelCase, nsidAlias, pascalCase, valueName } from '../names/identifiers.js';
import type { GeneratedFile } from './emit-document.js';
import { banner } from './emit-document.js';
import { type CodeBlockWriter, createCodeWriter, fileText } from './code-writer.js';
import { writeJsDoc, writeSummary } from './jsdoc.js';
import {
  type EmitOptions,
  modulePath,
  relativeSpecifier,
  runtimeSpecifier,
} from './module-context.js';

/** A namespace of the NSID tree: its documents and child namespaces, by segment. */
interface NamespaceNode {
  path: string[];
  documents: Map<string, SourceDocument>;
  children: Map<string, NamespaceNode>;
}

function buildTree(documents: readonly SourceDocument[]): NamespaceNode {
  const root: NamespaceNode = { path: [], documents: new Map(), children: new Map() };

  for (const source of documents) {
    const segments = source.nsid.split('.');
    const name = segments.pop() ?? source.nsid;
    let node = root;

    for (const segment of segments) {
      let child = node.children.get(segment);

      if (child === undefined) {
        child = { path: [...node.path, segment], documents: new Map(), children: new Map() };
        node.children.set(segment, child);
      }

      node = child;
    }

    node.documents.set(name, source);
  }

  return root;
}

function sorted<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function exportName(segment: string, taken: ReadonlySet<string>): string {
  const name = valueName(segment);

  return taken.has(name) ? `${name}_` : name;
}

function indexFile(node: NamespaceNode, options: EmitOptions, extra: string[]): GeneratedFile {
  const path = [...node.path, 'index.ts'].join('/');
  const lines: string[] = [];
  const taken = new Set<string>();

  for (const [name, source] of sorted(node.documents)) {
    const alias = exportName(name, taken);

    taken.add(alias);
    lines.push(`export * as ${alias} from '${relativeSpecifier(path, modulePath(source.nsid))}';`);
  }

  for (const [segment] of sorted(node.children)) {
    const alias = exportName(segment, taken);

    taken.add(alias);
    lines.push(`export * as ${alias} from './${segment}/index.js';`);
  }

  const source = node.path.length === 0 ? 'the lexicon tree' : node.path.join('.');

  return { path, text: `${banner(source, options)}\n${[...lines, ...extra].join('\n')}\n` };
}

/** One `index.ts` per folder of the NSID tree, re-exporting its documents and sub-namespaces. */
export function emitIndexTree(
  documents: readonly SourceDocument[],
  options: EmitOptions,
  withClient: boolean,
): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const visit = (node: NamespaceNode): void => {
    const root = node.path.length === 0;
    const client = root && withClient ? [`export { Client } from './client.js';`] : [];
    const extra = root ? [...client, ...options.rootExports] : [];

    files.push(indexFile(node, options, extra));
    for (const [, child] of sorted(node.children)) visit(child);
  };

  visit(buildTree(documents));

  return files;
}

function mainType(source: SourceDocument): string | undefined {
  return (source.doc.defs as Record<string, LexNode>)['main']?.type;
}

function isCallable(source: SourceDocument): boolean {
  const type = mainType(source);

  return type === 'query' || type === 'procedure' || type === 'record';
}

function namespaceClassName(node: NamespaceNode): string {
  return `${node.path.map(pascalCase).join('')}Namespace`;
}

function writeNamespaceClass(
  writer: CodeBlockWriter,
  node: NamespaceNode,
  imports: Map<string, string>,
): void {
  const taken = new Set<string>();

  writer.blankLineIfLastNot();
  writeSummary(writer, `The methods of ${node.path.join('.')}.`);
  writer.write(`export class ${namespaceClassName(node)}`).block(() => {
    writer.writeLine('readonly #client: XrpcClient;').blankLine();
    writer
      .write('constructor(client: XrpcClient)')
      .block(() => writer.writeLine('this.#client = client;'));

    for (const [name, source] of sorted(node.documents)) {
      if (!isCallable(source)) continue;

      const alias = nsidAlias(source.nsid);
      const method = exportName(name, taken);

      taken.add(method);
      imports.set(alias, modulePath(source.nsid));
      writer.blankLine();

      if (mainType(source) === 'record') {
        writeSummary(writer, `Create, read, list, update and delete ${source.nsid} records.`);
        writer.write(`get ${method}(): RecordCollection<${alias}.Main>`);
        writer.block(() =>
          writer.writeLine(`return new RecordCollection(this.#client, ${alias}.record);`),
        );
        continue;
      }

      writeJsDoc(writer, (source.doc.defs as Record<string, LexNode>)['main']);
      writer.write(`${method}(): ${alias}.${pascalCase(name)}Request`);
      writer.block(() => writer.writeLine(`return ${alias}.${valueName(name)}(this.#client);`));
    }

    for (const [segment, child] of sorted(node.children)) {
      const getter = exportName(camelCase(segment), taken);

      taken.add(getter);
      writer.blankLine().write(`get ${getter}(): ${namespaceClassName(child)}`);
      writer.block(() =>
        writer.writeLine(`return new ${namespaceClassName(child)}(this.#client);`),
      );
    }
  });
}

function hasCallable(node: NamespaceNode): boolean {
  return (
    [...node.documents.values()].some(isCallable) || [...node.children.values()].some(hasCallable)
  );
}

function pruned(node: NamespaceNode): NamespaceNode {
  const children = sorted(node.children).filter(([, child]) => hasCallable(child));

  return { ...node, children: new Map(children.map(([key, child]) => [key, pruned(child)])) };
}

function runtimeImports(options: EmitOptions, hasRecords: boolean): string[] {
  const base = options.clientBase;
  const module = runtimeSpecifier(options, 'client.ts');
  const values = hasRecords ? `${base}, RecordCollection` : base;
  const lines = [`import { ${values} } from '${module}';`];

  if (base !== 'XrpcClient') lines.push(`import type { XrpcClient } from '${module}';`);

  return lines;
}

/** `client.ts`: the `Client` class with the namespace tree (`client.app.bsky.actor.getProfile()`). */
export function emitClient(
  documents: readonly SourceDocument[],
  options: EmitOptions,
): GeneratedFile {
  const root = pruned(buildTree(documents));
  const imports = new Map<string, string>();
  const body = createCodeWriter();
  const visit = (node: NamespaceNode): void => {
    for (const [, child] of sorted(node.children)) {
      writeNamespaceClass(body, child, imports);
      visit(child);
    }
  };

  writeSummary(body, 'An XRPC client with every method of the lexicons, by namespace.');
  body.write(`export class Client extends ${options.clientBase}`).block(() => {
    for (const [index, [segment, child]] of sorted(root.children).entries()) {
      if (index > 0) body.blankLine();
      body.write(`get ${valueName(segment)}(): ${namespaceClassName(child)}`);
      body.block(() => body.writeLine(`return new ${namespaceClassName(child)}(this);`));
    }
  });
  visit(root);

  const file = createCodeWriter();

  file.write(banner('the lexicon tree', options)).blankLine();
  for (const line of runtimeImports(
    options,
    documents.some((doc) => mainType(doc) === 'record'),
  )) {
    file.writeLine(line);
  }
  file.blankLine();
  for (const [alias, path] of sorted(imports)) {
    file.writeLine(`import * as ${alias} from '${relativeSpecifier('client.ts', path)}';`);
  }
  file.blankLine();

  return { path: 'client.ts', text: fileText(file, body) };
}
