import type { LexiconSet } from '../load/lexicon-set.js';
import type { SourceDocument } from '../load/read-lexicons.js';
import { type ClientMemo, emitClient } from './emit-client.js';
import { emitDocument, type EmittedModule, type GeneratedFile } from './emit-document.js';
import { emitIndexTree } from './emit-index-tree.js';
import type { EmitOptions } from './module-context.js';

/**
 * Keeps the modules of earlier runs, to reuse while nothing they were made from has changed. Its
 * methods must not throw.
 */
export interface ModuleMemo {
  /** The module of a document as emitted before, when its inputs are the same now. */
  recallModule(source: SourceDocument, set: LexiconSet): GeneratedFile | undefined;
  /** Remembers a module just emitted. */
  rememberModule(source: SourceDocument, set: LexiconSet, module: EmittedModule): void;
}

/** What emitting may take from earlier runs. */
export type EmitMemo = ModuleMemo & ClientMemo;

/** The files of a generation, and the documents whose modules were emitted, not reused. */
export interface EmittedTree {
  files: GeneratedFile[];
  /** The NSIDs whose modules were emitted in this run, sorted. */
  emitted: string[];
}

function byNsid(a: SourceDocument, b: SourceDocument): number {
  return a.nsid < b.nsid ? -1 : a.nsid > b.nsid ? 1 : 0;
}

/**
 * Emits the module of every document (or takes it from `memo`), the index tree and, with
 * `withClient`, the client, whose namespace classes `memo` may keep too. The index tree, cheap and
 * made of every document, is always emitted.
 */
export function emitTree(
  set: LexiconSet,
  documents: readonly SourceDocument[],
  options: EmitOptions,
  withClient: boolean,
  memo?: EmitMemo,
): EmittedTree {
  const sortedDocs = [...documents].sort(byNsid);
  const emitted: string[] = [];
  const modules = sortedDocs.map((source) => {
    const known = memo?.recallModule(source, set);

    if (known !== undefined) return known;

    const module = emitDocument(source, set, options);

    memo?.rememberModule(source, set, module);
    emitted.push(source.nsid);

    return { path: module.path, text: module.text };
  });
  const tree = emitIndexTree(sortedDocs, options, withClient);
  const client = withClient ? [emitClient(sortedDocs, options, set.externalClient, memo)] : [];

  return { files: [...modules, ...tree, ...client], emitted };
}
