import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ProcessFailedError, runNode } from './run-process.js';
import { copyLexicons, linkNodeModules } from './temp-folder.js';

import type { BenchContext } from './benchmark.js';

/** A temp folder with a copy of the lexicons and every generator ready to run on it. */
export interface CodegenWorkspace {
  readonly dir: string;
  readonly lexicons: string;
  /** lexforge's CLI, compiled to plain JavaScript as the package would ship it. */
  readonly lexforgeBin: string;
  readonly atcuteConfig: string;
  /** Whether compiling lexforge's generator reported type errors (it is emitted anyway). */
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

async function compileLexforge(context: BenchContext, outDir: string): Promise<string | undefined> {
  const tsc = join(context.root, 'node_modules/typescript7/bin/tsc');
  const flags = ['--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false'];
  const args = [tsc, '-p', 'codegen/tsconfig.build.json', '--outDir', outDir, ...flags];

  try {
    await runNode(args, { cwd: context.root });

    return undefined;
  } catch (error) {
    if (!(error instanceof ProcessFailedError)) throw error;

    // @NOTE tsc emits despite type errors; the run goes on if the entry point was written.
    await access(join(outDir, 'bin.js'));

    return error.message.split('\n').slice(1, 4).join(' ').trim();
  }
}

/**
 * Prepares the codegen workspace: the lexicon documents without the manifest, lexforge's
 * generator compiled to JavaScript, atcute's config file, and the repository's packages linked.
 */
export async function prepareCodegen(context: BenchContext): Promise<CodegenWorkspace> {
  const dir = await context.temp.dir('codegen');
  const lexicons = join(dir, 'lexicons');
  const compiled = join(dir, 'lexforge-codegen');

  await linkNodeModules(dir, context.root);
  await copyLexicons(join(context.root, 'lexicons'), lexicons);
  await writeFile(join(dir, 'lex.config.js'), ATCUTE_CONFIG);

  const compileErrors = await compileLexforge(context, compiled);

  return {
    dir,
    lexicons,
    lexforgeBin: join(compiled, 'bin.js'),
    atcuteConfig: join(dir, 'lex.config.js'),
    compileErrors,
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
