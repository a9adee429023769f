import type { SourceDocument } from '../load/read-lexicons.js';
import type { GeneratedFile } from './emit-document.js';
import { banner } from './emit-document.js';
import { type EmitOptions, modulePath, relativeSpecifier } from './module-context.js';
import { buildTree, exportName, type NamespaceNode, sorted } from './namespace-tree.js';

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
