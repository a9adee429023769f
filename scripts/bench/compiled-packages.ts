import { mkdir, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ProcessFailedError, runNode } from './run-process.js';

import type { BenchContext } from './benchmark.js';

/**
 * lexforge's packages compiled as they would be published (JavaScript and declarations), in a
 * `node_modules` folder that also links every other installed package: a program in a folder
 * under `dir` resolves `@lexforge/*` to them, as an application that installed them would.
 */
export interface CompiledPackages {
  readonly dir: string;
  /** The first lines of any type errors of the compilation; it emits despite them. */
  readonly errors: readonly string[];
  /** The path of a file of a compiled package, e.g. `('@lexforge/codegen', 'src/bin.js')`. */
  file(name: string, path: string): string;
}

/** Each workspace package: its folder, the source folders compiled and its exports map. */
const PACKAGES = [
  {
    folder: 'runtime',
    name: '@lexforge/runtime',
    sources: ['src'],
    exports: { '.': { types: './src/index.d.ts', default: './src/index.js' } },
  },
  {
    folder: 'generated',
    name: '@lexforge/api',
    sources: ['src', 'lib'],
    exports: {
      '.': { types: './src/index.d.ts', default: './src/index.js' },
      './lib/*': { types: './lib/*.d.ts', default: './lib/*.js' },
      './*': { types: './src/*.d.ts', default: './src/*.js' },
    },
  },
  {
    folder: 'codegen',
    name: '@lexforge/codegen',
    sources: ['src'],
    exports: { '.': { types: './src/index.d.ts', default: './src/index.js' } },
  },
];

const builds = new Map<string, Promise<CompiledPackages>>();

/**
 * Compiles the three packages in one TypeScript 7 program (workspace imports resolved to their
 * sources), into `outDir`, mirroring the repository's folders.
 *
 * @returns the first lines of any type errors
 */
async function compile(context: BenchContext, outDir: string): Promise<string[]> {
  const config = `${outDir}.tsconfig.json`;
  const tsconfig = {
    extends: join(context.root, 'tsconfig.base.json'),
    compilerOptions: {
      rootDir: context.root,
      outDir,
      noEmit: false,
      declarationMap: false,
      sourceMap: false,
      types: ['node'],
      typeRoots: [join(context.root, 'node_modules/@types')],
    },
    include: PACKAGES.flatMap(({ folder, sources }) =>
      sources.map((source) => join(context.root, folder, source)),
    ),
  };
  const tsc = join(context.root, 'node_modules/typescript7/bin/tsc');

  await writeFile(config, JSON.stringify(tsconfig));

  try {
    await runNode([tsc, '-p', config], { cwd: context.root });

    return [];
  } catch (error) {
    if (!(error instanceof ProcessFailedError)) throw error;

    return error.message.split('\n').slice(1, 4);
  }
}

/** Links every installed package but lexforge's own into `modules`. */
async function linkPeers(context: BenchContext, modules: string): Promise<void> {
  const installed = join(context.root, 'node_modules');

  await mkdir(join(modules, '@lexforge'), { recursive: true });

  for (const name of await readdir(installed)) {
    if (name === '@lexforge' || name.startsWith('.')) continue;

    await symlink(join(installed, name), join(modules, name), 'dir');
  }
}

async function build(context: BenchContext): Promise<CompiledPackages> {
  const dir = await context.temp.dir('packages');
  const compiled = join(dir, 'compiled');
  const modules = join(dir, 'node_modules');
  const errors = await compile(context, compiled);

  await linkPeers(context, modules);

  for (const { folder, name, exports } of PACKAGES) {
    const target = join(modules, name);
    const manifest = { name, type: 'module', sideEffects: false, exports };

    await rename(join(compiled, folder), target);
    await writeFile(join(target, 'package.json'), JSON.stringify(manifest));
  }

  return { dir, errors, file: (name, path) => join(modules, name, path) };
}

/** Compiles lexforge's packages once per run; later calls share the first build. */
export function compiledPackages(context: BenchContext): Promise<CompiledPackages> {
  const key = context.temp.path;
  const existing = builds.get(key);

  if (existing !== undefined) return existing;

  const started = build(context);

  builds.set(key, started);

  return started;
}
