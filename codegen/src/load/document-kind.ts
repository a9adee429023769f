import type { SourceDocument } from './read-lexicons.js';
import type { LexNode } from './walk.js';

/** The type of a document's `main` def, if it has one. */
export function mainType(source: SourceDocument): string | undefined {
  return (source.doc.defs as Record<string, LexNode>)['main']?.type;
}

/** Whether the client tree has a member for a document: a method, or a record collection. */
export function isCallable(source: SourceDocument): boolean {
  const type = mainType(source);

  return type === 'query' || type === 'procedure' || type === 'record';
}
