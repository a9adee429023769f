import { isCallable } from '../load/document-kind.js';
import type { SourceDocument } from '../load/read-lexicons.js';
import { pascalCase, valueName } from '../names/identifiers.js';

/** A namespace of the NSID tree: its documents and child namespaces, by segment. */
export interface NamespaceNode {
  path: string[];
  documents: Map<string, SourceDocument>;
  children: Map<string, NamespaceNode>;
}

/** Builds the namespace tree of a set of documents. */
export function buildTree(documents: readonly SourceDocument[]): NamespaceNode {
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

/** The entries of a map sorted by key, in code-unit order. */
export function sorted<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A member name for a segment, suffixed with `_` when the name is already taken. */
export function exportName(segment: string, taken: ReadonlySet<string>): string {
  const name = valueName(segment);

  return taken.has(name) ? `${name}_` : name;
}

function hasCallable(node: NamespaceNode): boolean {
  return (
    [...node.documents.values()].some(isCallable) || [...node.children.values()].some(hasCallable)
  );
}

/** The tree without the namespaces that hold nothing callable. */
export function pruned(node: NamespaceNode): NamespaceNode {
  const children = sorted(node.children).filter(([, child]) => hasCallable(child));

  return { ...node, children: new Map(children.map(([key, child]) => [key, pruned(child)])) };
}

/** The class name of a namespace of the client tree: `app.bsky` -> `AppBskyNamespace`. */
export function namespaceClassName(node: NamespaceNode): string {
  return `${node.path.map(pascalCase).join('')}Namespace`;
}
