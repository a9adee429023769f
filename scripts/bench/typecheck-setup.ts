import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { compiledPackages } from './compiled-packages.js';
import { prose } from './format.js';
import { TYPECHECK_PROGRAMS } from './programs.js';
import { runNode } from './run-process.js';
import { copyLexicons, linkNodeModules } from './temp-folder.js';

import type { BenchContext } from './benchmark.js';
import type { Program } from './programs.js';

/** A consumer project: a folder with `main.ts`, its tsconfig and its packages. */
export interface ConsumerProject {
  readonly program: Program;
  readonly dir: string;
  /** How the project sees the library, e.g. through emitted declarations. */
  readonly remark: string;
}

/** What a consumer project compiles with: strict, as an application would, libraries skipped. */
const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'es2023',
    lib: ['es2023', 'dom'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  files: ['main.ts'],
};

function programNamed(name: string): Program {
  const program = TYPECHECK_PROGRAMS.find((candidate) => candidate.name === name);

  if (program === undefined) throw new Error(`Type-check program not found: ${name}`);

  return program;
}

async function writeProject(dir: string, program: Program): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(join(dir, 'tsconfig.json'), `${JSON.stringify(CONSUMER_TSCONFIG, null, 2)}\n`);
  await writeFile(join(dir, 'main.ts'), program.source);
}

/**
 * Runs TypeScript 7's `tsc` and returns what it printed.
 *
 * @throws {ProcessFailedError} when it reports errors
 */
export async function runTsc(
  context: BenchContext,
  args: readonly string[],
  cwd: string,
): Promise<string> {
  const tsc = join(context.root, 'node_modules/typescript7/bin/tsc');

  return (await runNode([tsc, ...args], { cwd })).stdout;
}

async function prepareLexforge(context: BenchContext): Promise<ConsumerProject> {
  const packages = await compiledPackages(context);
  const project = join(packages.dir, 'consumer');
  const remark = prose(
    'reads the `.d.ts` files of `@lexforge/runtime` and `@lexforge/api`, compiled with',
    'TypeScript 7 for this run',
  );

  await writeProject(project, programNamed('lexforge'));

  return {
    program: programNamed('lexforge'),
    dir: project,
    remark:
      packages.errors.length === 0
        ? remark
        : `${remark} (with type errors: ${packages.errors.join(' ')})`,
  };
}

async function prepareAtcute(context: BenchContext, dir: string): Promise<ConsumerProject> {
  const project = join(dir, 'atcute');

  await writeProject(project, programNamed('atcute'));
  await linkNodeModules(project, context.root);

  return {
    program: programNamed('atcute'),
    dir: project,
    remark: 'reads the published `.d.ts` files of `@atcute/client` and `@atcute/bluesky`',
  };
}

async function prepareAtprotoLex(context: BenchContext, dir: string): Promise<ConsumerProject> {
  const project = join(dir, 'atproto-lex');
  const documents = join(dir, 'lexicon-documents');
  const lex = join(context.root, 'node_modules/@atproto/lex/bin/lex');
  const include = ['--include', 'app.bsky.actor.getProfile', '--no-pretty'];

  await writeProject(project, programNamed('@atproto/lex'));
  await linkNodeModules(project, context.root);
  await copyLexicons(join(context.root, 'lexicons'), documents);
  await runNode([lex, 'build', '--lexicons', documents, '--out', 'lexicons', ...include], {
    cwd: project,
  });

  return {
    program: programNamed('@atproto/lex'),
    dir: project,
    remark: prose(
      'reads the TypeScript sources `lex build --include app.bsky.actor.getProfile` generated',
      'into the project (its usual workflow), and the `.d.ts` files of `@atproto/lex`',
    ),
  };
}

/** Prepares one consumer project per library, in the order of the type-check programs. */
export async function prepareConsumers(context: BenchContext): Promise<ConsumerProject[]> {
  const dir = await context.temp.dir('typecheck');

  return [
    await prepareLexforge(context),
    await prepareAtcute(context, dir),
    await prepareAtprotoLex(context, dir),
  ];
}
