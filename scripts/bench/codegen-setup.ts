import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { compiledPackages } from './compiled-packages.js';
import { copyLexicons, linkNodeModules } from './temp-folder.js';

import type { BenchContext } from './benchmark.js';

/** A temp folder with a copy of the lexicons and every generator ready to run on it. */
export interface CodegenWorkspace {
  readonly dir: string;
  readonly lexicons: string;
  /** lexforge's CLI, compiled to plain JavaScript as the package would ship it. */
  readonly lexforgeBin: string;
  readonly atcuteConfig: string;
  /** The type errors compiling lexforge's packages reported, if any (they are emitted anyway). */
  readonly compileErrors: string | undefined;
  /** The output folder of one generator. */
  out(name: string): string;
}

/** The document edited between runs to time a regeneration after one change. */
export const EDITED_DOCUMENT = 'app/bsky/actor/getProfile.json';

const ATCUTE_CONFIG = `import { defineLexiconConfig } from '@atcute/lex-cli';

export default defineLexiconConfig({
  generate: { files: ['lexicons/**/*.json'], outdir: 'out/atcute/' },
});
`;

/**
 * Prepares the codegen workspace: the lexicon documents without the manifest, lexforge's
 * packages compiled to JavaScript, atcute's config file, and the repository's packages linked.
 */
export async function prepareCodegen(context: BenchContext): Promise<CodegenWorkspace> {
  const dir = await context.temp.dir('codegen');
  const lexicons = join(dir, 'lexicons');
  const packages = await compiledPackages(context);

  await linkNodeModules(dir, context.root);
  await copyLexicons(join(context.root, 'lexicons'), lexicons);
  await writeFile(join(dir, 'lex.config.js'), ATCUTE_CONFIG);

  return {
    dir,
    lexicons,
    lexforgeBin: packages.file('@lexforge/codegen', 'src/bin.js'),
    atcuteConfig: join(dir, 'lex.config.js'),
    compileErrors: packages.errors.length === 0 ? undefined : packages.errors.join(' '),
    out: (name) => join(dir, 'out', name),
  };
}

/** Counts the files under `dir`, recursively. */
export async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });

  return entries.filter((entry) => entry.isFile()).length;
}

/** Counts the lexicon documents under `dir`. */
export async function countDocuments(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });

  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.json')).length;
}

/** Empties an output folder, so that each timed run starts from nothing. */
export async function clearOutput(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Edits the description of {@link EDITED_DOCUMENT} so that it differs from every earlier run.
 *
 * @returns the text now in the description, to look for in the output
 */
export async function editDocument(lexicons: string, edit: number): Promise<string> {
  const path = join(lexicons, EDITED_DOCUMENT);
  const doc = JSON.parse(await readFile(path, 'utf8')) as { defs: { main: object } };
  const marker = `Edited for the benchmark, ${edit}.`;

  doc.defs.main = { ...doc.defs.main, description: marker };
  await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);

  return marker;
}
