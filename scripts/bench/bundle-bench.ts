import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { topContributors } from './bundle-contributors.js';
import { formatBytes, formatFactor, prose } from './format.js';
import { BUNDLE_PROGRAMS } from './programs.js';
import { linkNodeModules } from './temp-folder.js';

import type { BenchContext, BenchReport, Benchmark } from './benchmark.js';
import type { Program } from './programs.js';
import type { BuildOptions, Message, Metafile } from 'esbuild';

/** lexforge's program, gzipped, with response validation on. */
const TARGET_GZIP = 9 * 1024;

/** One bundled program. */
interface Bundle {
  readonly program: Program;
  readonly minified: number;
  readonly gzipped: number;
  readonly metafile: Metafile;
  /** Node built-ins the program pulls in, left as imports because the bundle is for browsers. */
  readonly nodeImports: readonly string[];
  /** Files that import Node built-ins, which a browser build fails on unless they are external. */
  readonly unresolved: readonly string[];
}

function nodeImportsOf(metafile: Metafile): string[] {
  const outputs = Object.values(metafile.outputs);
  const imports = outputs.flatMap((output) => output.imports.map(({ path }) => path));

  return [...new Set(imports.filter((path) => path.startsWith('node:')))].sort();
}

function buildOptions(entry: string, dir: string, external: string[]): BuildOptions {
  return {
    entryPoints: [entry],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@lexforge/source'],
    external,
    metafile: true,
    write: false,
    logLevel: 'silent',
  };
}

/**
 * Lists the files that import Node built-ins a browser build cannot resolve, even though the
 * program may not use them: esbuild resolves every import before it shakes the tree.
 */
async function unresolvedBuiltins(entry: string, dir: string, root: string): Promise<string[]> {
  try {
    await build(buildOptions(entry, dir, []));

    return [];
  } catch (error) {
    const failures = (error as { errors?: Message[] }).errors ?? [];
    const files = failures.flatMap(({ text, location }) =>
      text.includes('"node:') && location !== null
        ? [relative(root, resolve(dir, location.file))]
        : [],
    );

    return [...new Set(files)].sort();
  }
}

async function bundle(program: Program, dir: string, root: string): Promise<Bundle> {
  const entry = join(dir, `${program.name.replace(/\W+/g, '-')}.ts`);

  await writeFile(entry, program.source);

  // @NOTE node: built-ins are left external so that a program still bundles when a package index
  // re-exports Node-only helpers it does not use; both that and any built-in that survives
  // tree-shaking are reported.
  const { outputFiles, metafile } = await build(buildOptions(entry, dir, ['node:*']));
  const code = outputFiles?.[0]?.contents;

  if (code === undefined || metafile === undefined)
    throw new Error(`Bundle of ${program.name}: no output`);

  return {
    program,
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    metafile,
    nodeImports: nodeImportsOf(metafile),
    unresolved: await unresolvedBuiltins(entry, dir, root),
  };
}

function builtinNotes({ program, nodeImports, unresolved }: Bundle): string[] {
  const notes: string[] = [];

  if (unresolved.length > 0) {
    notes.push(
      prose(
        `${program.name} bundles for the browser only with \`node:*\` marked external:`,
        `${unresolved.join(', ')} import Node built-ins.`,
      ),
    );
  }

  if (nodeImports.length > 0) {
    notes.push(`${program.name}'s bundle still imports Node built-ins: ${nodeImports.join(', ')}.`);
  }

  return notes;
}

function ratioCell(own: Bundle, lexforge: Bundle): string {
  if (own === lexforge) return '—';

  const minified = formatFactor(lexforge.minified / own.minified);

  return `${minified} min, ${formatFactor(lexforge.gzipped / own.gzipped)} gzip`;
}

function sizeRows(bundles: readonly Bundle[], lexforge: Bundle): string[][] {
  return bundles.map((entry) => [
    entry.program.name,
    formatBytes(entry.minified),
    formatBytes(entry.gzipped),
    ratioCell(entry, lexforge),
  ]);
}

/** What ky alone leaves of the target for everything lexforge adds to it. */
function floorNotes(bundles: readonly Bundle[], lexforge: Bundle): string[] {
  const ky = bundles.find(({ program }) => program.name === 'ky alone');
  const atcute = bundles.find(({ program }) => program.name === 'atcute');

  if (ky === undefined) return [];

  const peer =
    atcute === undefined
      ? ''
      : ` (atcute's whole validated program: ${formatBytes(atcute.gzipped)})`;

  return [
    prose(
      `ky alone takes ${formatBytes(ky.gzipped)} gzip of the ${formatBytes(TARGET_GZIP)} target,`,
      `leaving ${formatBytes(Math.max(0, TARGET_GZIP - ky.gzipped))} for the session chain,`,
      `validation and the schemas; lexforge adds ${formatBytes(lexforge.gzipped - ky.gzipped)}`,
      `gzip to ky${peer}.`,
    ),
  ];
}

async function run(context: BenchContext): Promise<BenchReport> {
  const dir = await context.temp.dir('bundle');

  await linkNodeModules(dir, context.root);

  const bundles: Bundle[] = [];

  for (const program of BUNDLE_PROGRAMS) bundles.push(await bundle(program, dir, context.root));

  const [lexforge] = bundles;

  if (lexforge === undefined) throw new Error('Bundle of lexforge: missing');

  const contributors = topContributors(lexforge.metafile, dir, context.root, 5);

  return {
    tables: [
      {
        caption: prose(
          'Log in with a password, fetch a profile, print the display name; esbuild with bundle,',
          'minify, format esm, platform browser:',
        ),
        headers: ['Program', 'Minified', 'Gzip (level 9)', 'lexforge ÷ it'],
        rows: sizeRows(bundles, lexforge),
      },
      {
        caption: 'Largest contributors to the lexforge bundle (minified bytes, esbuild metafile):',
        headers: ['By file', 'Bytes', 'By package or folder', 'Bytes'],
        rows: contributors,
      },
    ],
    targets: [
      {
        target: `lexforge ≤ ${formatBytes(TARGET_GZIP)} gzip, response validation on`,
        met: lexforge.gzipped <= TARGET_GZIP,
        measured: formatBytes(lexforge.gzipped),
      },
    ],
    notes: [
      prose(
        'lexforge: `AtpClient` from `@lexforge/runtime` and the single generated module',
        '`@lexforge/api/app/bsky/actor/getProfile`, resolved to their sources through the',
        '`@lexforge/source` condition; outputs are validated by default (`lenient`).',
      ),
      ...BUNDLE_PROGRAMS.flatMap((program) =>
        program.remark === undefined ? [] : [`${program.name}: ${program.remark}.`],
      ),
      ...floorNotes(bundles, lexforge),
      ...bundles.flatMap(builtinNotes),
    ],
  };
}

/** Bundle size of the same small program with lexforge and the peers. */
export const bundleBenchmark: Benchmark = { name: 'bundle', title: 'Bundle size', run };
