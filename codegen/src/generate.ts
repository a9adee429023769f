import { join, resolve } from 'node:path';

import { cacheFile, GenerationCache } from './cache/generation-cache.js';
import { checkLexicons } from './check-lexicons.js';
import type { GeneratedFile } from './emit/emit-document.js';
import { emitTree } from './emit/emit-tree.js';
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
  /**
   * Whether to keep what a run validated and emitted in `<out>/node_modules/.cache/lexforge/`, so
   * that the next run validates and emits again only the documents that changed and those whose
   * modules depend on them. The output is the same with or without it; a cache made by another
   * version of the generator, or with other options, is ignored, and one that cannot be saved is
   * reported through `onProgress`. `check` mode reads it but never writes it.
   * @default true
   */
  cache?: boolean;
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
  /** The NSIDs whose modules were emitted in this run; the others came from the cache. */
  emitted: string[];
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

function openCache(options: GenerateOptions, emit: EmitOptions): GenerationCache | undefined {
  if (options.cache === false) return undefined;

  const srcDir = options.srcDir ?? 'src';
  const settings = {
    srcDir,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    client: options.client ?? true,
    emit,
  };

  return new GenerationCache(cacheFile(resolve(options.out), srcDir), settings);
}

type Output = TreeChanges & { stale: string[] };

function output(dir: string, files: readonly GeneratedFile[], options: GenerateOptions): Output {
  if (options.mode === 'check') return { stale: compareTree(dir, files), written: [], removed: [] };

  return { stale: [], ...writeTree(dir, files) };
}

/** Saves the cache; a cache that cannot be written costs the next run time, not this one. */
function saveCache(cache: GenerationCache, options: GenerateOptions): void {
  try {
    cache.save();
  } catch (error) {
    options.onProgress?.(`Cache not saved: ${(error as Error).message}`);
  }
}

/**
 * Reads, checks and generates lexicon documents into `out/src`.
 *
 * @throws {CodegenError} when any document is invalid, a ref does not resolve, or names collide;
 * nothing is written then.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const emit = { ...DEFAULT_EMIT, ...options.emit };
  const cache = openCache(options, emit);
  const read = await readLexicons(
    options.lexicons.map((dir) => resolve(dir)),
    cache,
  );

  if (read.problems.length > 0) throw new CodegenError(read.problems);

  const documents = await selectDocuments(read.documents, options);
  const set = new LexiconSet(documents, options.external);

  checkLexicons(set, documents);
  options.onProgress?.(`Checked ${documents.length} documents`);

  const tree = emitTree(set, documents, emit, options.client ?? true, cache);

  options.onProgress?.(`Emitted ${tree.files.length} files, ${tree.emitted.length} modules anew`);

  const dir = join(resolve(options.out), options.srcDir ?? 'src');
  const changes = output(dir, tree.files, options);

  if (options.mode !== 'check' && cache !== undefined) saveCache(cache, options);

  return {
    documents: documents.length,
    files: tree.files.length,
    milliseconds: performance.now() - started,
    emitted: tree.emitted,
    ...changes,
  };
}
