import type { LexNode } from '../load/walk.js';
import type { SourceDocument } from '../load/read-lexicons.js';
import { camelCase, nsidAlias, pascalCase, valueName } from '../names/identifiers.js';
import type { GeneratedFile } from './emit-document.js';
import { banner } from './emit-document.js';
import { jsDoc } from './jsdoc.js';
import { type EmitOptions, modulePath, relativeSpecifier } from './module-context.js';

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
export function emitIndexTree(documents: readonly SourceDocument[], options: EmitOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const visit = (node: NamespaceNode): void => {
    const extra = node.path.length === 0 ? [`export { Client } from './client.js';`] : [];

    files.push(indexFile(node, options, extra));
    for (const [, child] of sorted(node.children)) visit(child);
  };

  visit(buildTree(documents));

  return files;
}

function isCallable(source: SourceDocument): boolean {
  const type = (source.doc.defs as Record<string, LexNode>)['main']?.type;

  return type === 'query' || type === 'procedure';
}

function namespaceClass(node: NamespaceNode, imports: Map<string, string>): string {
  const className = `${node.path.map(pascalCase).join('')}Namespace`;
  const members: string[] = [];
  const taken = new Set<string>();

  for (const [name, source] of sorted(node.documents)) {
    if (!isCallable(source)) continue;

    const alias = nsidAlias(source.nsid);
    const method = exportName(name, taken);
    const main = (source.doc.defs as Record<string, LexNode>)['main'];

    taken.add(method);
    imports.set(alias, modulePath(source.nsid));
    members.push(
      `${jsDoc(main, '  ')}  ${method}(): ${alias}.${pascalCase(name)}Request {\n` +
        `    return ${alias}.${valueName(name)}(this.#client);\n  }\n`,
    );
  }

  for (const [segment, child] of sorted(node.children)) {
    const getter = exportName(camelCase(segment), taken);
    const childClass = `${child.path.map(pascalCase).join('')}Namespace`;

    taken.add(getter);
    members.push(`  get ${getter}(): ${childClass} {\n    return new ${childClass}(this.#client);\n  }\n`);
  }

  return (
    `/** The methods of ${node.path.join('.')}. */\n` +
    `export class ${className} {\n  readonly #client: XrpcClient;\n\n` +
    `  constructor(client: XrpcClient) {\n    this.#client = client;\n  }\n\n${members.join('\n')}}\n`
  );
}

function hasCallable(node: NamespaceNode): boolean {
  return [...node.documents.values()].some(isCallable) || [...node.children.values()].some(hasCallable);
}

function pruned(node: NamespaceNode): NamespaceNode {
  const children = sorted(node.children).filter(([, child]) => hasCallable(child));

  return { ...node, children: new Map(children.map(([key, child]) => [key, pruned(child)])) };
}

function runtimeImports(options: EmitOptions): string[] {
  const base = options.clientBase;
  const lines = [`import { ${base} } from '${options.runtimeModule}';`];

  if (base !== 'XrpcClient') lines.push(`import type { XrpcClient } from '${options.runtimeModule}';`);

  return lines;
}

/** `client.ts`: the `Client` class with the namespace tree (`client.app.bsky.actor.getProfile()`). */
export function emitClient(documents: readonly SourceDocument[], options: EmitOptions): GeneratedFile {
  const root = pruned(buildTree(documents));
  const imports = new Map<string, string>();
  const classes: string[] = [];
  const visit = (node: NamespaceNode): void => {
    for (const [, child] of sorted(node.children)) {
      classes.push(namespaceClass(child, imports));
      visit(child);
    }
  };

  visit(root);

  const getters = sorted(root.children).map(([segment, child]) => {
    const childClass = `${child.path.map(pascalCase).join('')}Namespace`;

    return `  get ${valueName(segment)}(): ${childClass} {\n    return new ${childClass}(this);\n  }\n`;
  });
  const base = options.clientBase;
  const importLines = sorted(imports).map(
    ([alias, path]) => `import * as ${alias} from '${relativeSpecifier('client.ts', path)}';`,
  );
  const client =
    `/** An XRPC client with every method of the lexicons, by namespace. */\n` +
    `export class Client extends ${base} {\n${getters.join('\n')}}\n`;
  const text = [
    banner('the lexicon tree', options),
    `${runtimeImports(options).join('\n')}\n\n${importLines.join('\n')}\n`,
    client,
    ...classes,
  ].join('\n');

  return { path: 'client.ts', text };
}
