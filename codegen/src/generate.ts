import { join, resolve } from 'node:path';

import { checkLexicons } from './check-lexicons.js';
import { emitDocument, type GeneratedFile } from './emit/emit-document.js';
import { emitClient } from './emit/emit-client.js';
import { emitIndexTree } from './emit/emit-index-tree.js';
import type { EmitOptions } from './emit/module-context.js';
import { CodegenError } from './errors.js';
import { type ExternalLexicons, LexiconSet } from './load/lexicon-set.js';
import { readLexicons, type SourceDocument } from './load/read-lexicons.js';
import { compareTree } from './write/compare-tree.js';
import { type TreeChanges, writeTree } from './write/write-tree.js';

/** What to generate from where. */
export interface GenerateOptions {
  /** Folders of lexicon JSON files, read recursively. */
  lexicons: readonly string[];
  /** The package folder; its `src/` (see `srcDir`) is made to hold exactly the generated files. */
  out: string;
  /** The folder inside `out` that holds the generated tree. @default 'src' */
  srcDir?: string;
  /** NSID globs to generate (`app.bsky.**`); all when empty. @default [] */
  include?: readonly string[];
  /** NSID globs to leave out. @default [] */
  exclude?: readonly string[];
  /** Documents referenced but not generated here. */
  external?: ExternalLexicons;
  /**
   * `write` updates the output, writing only the files whose text changed; `check` writes nothing
   * and reports which files would change.
   * @default 'write'
   */
  mode?: 'write' | 'check';
  /** Whether to emit `client.ts` with the `Client` class. @default true */
  client?: boolean;
  /** Called with progress messages on long runs; must not throw. */
  onProgress?: (message: string) => void;
  /** Overrides of how modules are emitted. */
  emit?: Partial<EmitOptions>;
}

/** What a run generated. */
export interface GenerateResult {
  documents: number;
  files: number;
  milliseconds: number;
  /** The output files that differ from what was on disk (`check` mode only, else empty). */
  stale: string[];
  /** The output files written because their text changed (`write` mode only, else empty). */
  written: string[];
  /** The output files removed because nothing generates them now (`write` mode only). */
  removed: string[];
}

const DEFAULT_EMIT: EmitOptions = {
  runtimeModule: '@lexforge/runtime',
  clientBase: 'AtpClient',
  rootExports: [],
  regenerateCommand: 'npm run generate',
};

async function selectDocuments(
  documents: SourceDocument[],
  options: GenerateOptions,
): Promise<SourceDocument[]> {
  if (!options.include?.length && !options.exclude?.length) return documents;

  const { default: picomatch } = await import('picomatch');
  const glob = { dot: true, separator: '.' };
  const included = picomatch(options.include?.length ? [...options.include] : ['**'], glob);
  const excluded = options.exclude?.length ? picomatch([...options.exclude], glob) : () => false;

  return documents.filter((doc) => included(doc.nsid) && !excluded(doc.nsid));
}

function emitAll(
  set: LexiconSet,
  documents: readonly SourceDocument[],
  options: EmitOptions,
  withClient: boolean,
): GeneratedFile[] {
  const sortedDocs = [...documents].sort((a, b) =>
    a.nsid < b.nsid ? -1 : a.nsid > b.nsid ? 1 : 0,
  );
  const modules = sortedDocs.map((source) => emitDocument(source, set, options));
  const tree = emitIndexTree(sortedDocs, options, withClient);

  return withClient
    ? [...modules, ...tree, emitClient(sortedDocs, options, set.externalClient)]
    : [...modules, ...tree];
}

type Output = TreeChanges & { stale: string[] };

function output(dir: string, files: readonly GeneratedFile[], options: GenerateOptions): Output {
  if (options.mode === 'check') return { stale: compareTree(dir, files), written: [], removed: [] };

  return { stale: [], ...writeTree(dir, files) };
}

/**
 * Reads, checks and generates lexicon documents into `out/src`.
 *
 * @throws {CodegenError} when any document is invalid, a ref does not resolve, or names collide;
 * nothing is written then.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const read = await readLexicons(options.lexicons.map((dir) => resolve(dir)));

  if (read.problems.length > 0) throw new CodegenError(read.problems);

  const documents = await selectDocuments(read.documents, options);
  const set = new LexiconSet(documents, options.external);

  checkLexicons(set, documents);
  options.onProgress?.(`Checked ${documents.length} documents`);

  const files = emitAll(
    set,
    documents,
    { ...DEFAULT_EMIT, ...options.emit },
    options.client ?? true,
  );

  options.onProgress?.(`Emitted ${files.length} files`);

  const dir = join(resolve(options.out), options.srcDir ?? 'src');
  const changes = output(dir, files, options);

  return {
    documents: documents.length,
    files: files.length,
    milliseconds: performance.now() - started,
    ...changes,
  };
}
