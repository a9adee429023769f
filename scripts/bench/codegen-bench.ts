import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { WARMUP_ROUNDS, roundsFor } from './benchmark.js';
import { profileCodegen } from './codegen-profile.js';
import {
  EDITED_DOCUMENT,
  clearOutput,
  countDocuments,
  countFiles,
  editDocument,
  prepareCodegen,
} from './codegen-setup.js';
import { formatFactor, formatMs, formatRatio, formatTime, prose } from './format.js';
import { runNode } from './run-process.js';
import { roundRatios, runRounds, samplesOf, summarize } from './sampling.js';

import type {
  BenchContext,
  BenchReport,
  Benchmark,
  ResultTable,
  TargetCheck,
} from './benchmark.js';
import type { CodegenWorkspace } from './codegen-setup.js';
import type { Contestant } from './sampling.js';

const LEXFORGE = 'lexforge';
const ATCUTE = '@atcute/lex-cli';
const ATPROTO = '@atproto/lex build';

/** lexforge must be at least as fast as atcute on a full generation. */
const FULL_TARGET = 1.0;
/** The rounds `@atproto/lex build` (half a minute a run) takes part in. */
const SLOW_ROUNDS = 3;

/** "Well under a second" after one change. */
const REGENERATE_TARGET_MS = 500;

/** A generator run as a child process, into `out`. */
interface Generator {
  readonly name: string;
  readonly out: string;
  readonly args: readonly string[];
  /** The first rounds it takes part in, when it is too slow for all. */
  readonly rounds?: number | undefined;
}

function generators(context: BenchContext, workspace: CodegenWorkspace): Generator[] {
  const { lexicons, out } = workspace;
  const modules = join(context.root, 'node_modules');
  const lexforge = [workspace.lexforgeBin, 'generate', '--lexicons', lexicons];
  const atcute = [join(modules, '@atcute/lex-cli/cli.mjs'), 'generate'];
  const atproto = [join(modules, '@atproto/lex/bin/lex'), 'build', '--lexicons', lexicons];
  const all = [
    { name: LEXFORGE, out: out('lexforge'), args: [...lexforge, '--out', out('lexforge')] },
    { name: ATCUTE, out: out('atcute'), args: [...atcute, '-c', workspace.atcuteConfig] },
    {
      name: ATPROTO,
      out: out('atproto'),
      args: [...atproto, '--out', out('atproto')],
      rounds: context.options.quick ? 1 : SLOW_ROUNDS,
    },
  ];

  return context.options.slow ? all : all.slice(0, 2);
}

/** Reads the time lexforge's CLI reports for `generate()` itself from its summary line. */
function reportedMs(stderr: string): number | undefined {
  const match = /Generated .* in ([\d.]+) s/.exec(stderr);

  return match?.[1] === undefined ? undefined : Number(match[1]) * 1000;
}

/** One lexforge run: its wall time and the time `generate()` reported for itself. */
interface InProcess {
  readonly wall: number;
  readonly reported: number;
}

function contestant(
  generator: Generator,
  cwd: string,
  before: () => Promise<unknown>,
  inProcess: InProcess[],
): Contestant {
  return {
    name: generator.name,
    rounds: generator.rounds,
    measure: async () => {
      await before();

      const run = await runNode(generator.args, { cwd });
      const reported = reportedMs(run.stderr);

      if (generator.name === LEXFORGE && reported !== undefined) {
        inProcess.push({ wall: run.milliseconds, reported });
      }

      return run.milliseconds;
    },
  };
}

/** A column that differs from table to table: its header and its cell for each generator. */
interface ExtraColumn {
  readonly header: string;
  cell(name: string): string;
}

function timeTable(
  caption: string,
  samples: ReadonlyMap<string, number[]>,
  extra: ExtraColumn,
): ResultTable {
  const lexforge = samplesOf(samples, LEXFORGE);
  const rows = [...samples.keys()].map((name) => {
    const own = samplesOf(samples, name);
    const ratio = name === LEXFORGE ? '—' : formatRatio(summarize(roundRatios(lexforge, own)));

    return [name, extra.cell(name), formatTime(summarize(own)), ratio];
  });

  return {
    caption,
    headers: ['Generator', extra.header, 'Wall time, median (min–max)', 'lexforge ÷ it, per round'],
    rows,
  };
}

async function measureFull(context: BenchContext, workspace: CodegenWorkspace) {
  const inProcess: InProcess[] = [];
  const runners = generators(context, workspace).map((generator) =>
    contestant(generator, workspace.dir, () => clearOutput(generator.out), inProcess),
  );
  const samples = await runRounds(runners, roundsFor(context, 9, 2), (round) =>
    context.logger.debug(`codegen: full generation, round ${round}`),
  );
  const files = new Map<string, number>();

  for (const generator of generators(context, workspace)) {
    files.set(generator.name, await countFiles(generator.out));
  }

  return { samples, files, inProcess };
}

async function measureRegeneration(context: BenchContext, workspace: CodegenWorkspace) {
  let edit = 0;
  const seen = new Map<string, string>();
  const inProcess: InProcess[] = [];
  const runners = generators(context, workspace)
    .filter(({ name }) => name !== ATPROTO)
    .map((generator) => {
      const before = async () => {
        edit += 1;
        seen.set(generator.name, await editDocument(workspace.lexicons, edit));
      };

      return contestant(generator, workspace.dir, before, inProcess);
    });
  const samples = await runRounds(runners, roundsFor(context, 9, 2));
  const module = join(workspace.out('lexforge'), 'src', EDITED_DOCUMENT.replace(/json$/, 'ts'));
  const marker = seen.get(LEXFORGE) ?? 'no edit';
  const regenerated = (await readFile(module, 'utf8')).includes(marker);

  return { samples, inProcess, regenerated };
}

/** Splits lexforge's wall time into `generate()` itself and the rest, warm-up runs left out. */
function inProcessNote(what: string, inProcess: readonly InProcess[]): string[] {
  const runs = inProcess.slice(WARMUP_ROUNDS);

  if (runs.length === 0) return [];

  const own = summarize(runs.map(({ reported }) => reported)).median;
  const rest = summarize(runs.map(({ wall, reported }) => wall - reported)).median;

  return [
    prose(
      `Of lexforge's ${what}, \`generate()\` itself reports ${formatMs(own)}; the rest of the`,
      `wall time, Node's start and module loading before it, takes ${formatMs(rest)} (medians).`,
    ),
  ];
}

type FullRun = Awaited<ReturnType<typeof measureFull>>;
type Regeneration = Awaited<ReturnType<typeof measureRegeneration>>;

function targetsOf(full: FullRun, again: Regeneration): TargetCheck[] {
  const lexforge = samplesOf(full.samples, LEXFORGE);
  const ratio = summarize(roundRatios(lexforge, samplesOf(full.samples, ATCUTE))).median;
  const regenerate = summarize(samplesOf(again.samples, LEXFORGE)).median;

  return [
    {
      target: `Full generation: lexforge ÷ atcute ≤ ${FULL_TARGET.toFixed(1)}`,
      met: ratio <= FULL_TARGET,
      measured: formatFactor(ratio),
    },
    {
      target: `Regeneration after one change well under 1 s (≤ ${REGENERATE_TARGET_MS} ms)`,
      met: regenerate <= REGENERATE_TARGET_MS && again.regenerated,
      measured: formatMs(regenerate) + (again.regenerated ? '' : ' (change missing!)'),
    },
  ];
}

function notesOf(workspace: CodegenWorkspace, full: FullRun, again: Regeneration): string[] {
  const compileErrors = workspace.compileErrors;

  return [
    prose(
      'Wall time of the whole process, as a user waits for it: Node start, module loading,',
      'reading, generating and writing. Each round runs every generator once, in rotating order,',
      'after one warm-up round.',
    ),
    prose(
      'lexforge runs its CLI compiled to plain JavaScript by TypeScript 7 (as the package ships),',
      "not through tsx; atcute's `lex-cli generate` reads a config file pointing at the same",
      'folder and formats its output with its default formatter; `@atproto/lex build` (with',
      '`--slow`) runs prettier, its default, and takes part in the first',
      `${SLOW_ROUNDS} rounds only, without warm-up.`,
    ),
    ...inProcessNote('full generation', full.inProcess),
    ...inProcessNote('regeneration', again.inProcess),
    prose(
      'For the second table the output folder is kept: lexforge reuses its generation cache',
      '(`<out>/node_modules/.cache/lexforge`, counted in its files) and emits only the changed',
      'document and the modules that looked it up; atcute regenerates every module.',
    ),
    ...(compileErrors === undefined
      ? []
      : [`Compiling lexforge's generator reported type errors: ${compileErrors}`]),
  ];
}

async function run(context: BenchContext): Promise<BenchReport> {
  const workspace = await prepareCodegen(context);
  const documents = await countDocuments(workspace.lexicons);
  const full = await measureFull(context, workspace);
  const again = await measureRegeneration(context, workspace);
  const targets = targetsOf(full, again);
  const missed = targets.some(({ met }) => met === false);
  const profile = missed ? await profileCodegen(context, workspace) : undefined;
  const fileCount = (name: string) => String(full.files.get(name) ?? '—');
  const changed = () => `1 of ${documents}`;

  return {
    tables: [
      timeTable(
        prose(
          `Full generation of the ${documents} documents, each run a fresh process into an empty`,
          `folder:`,
        ),
        full.samples,
        { header: 'Files written', cell: fileCount },
      ),
      timeTable(
        `Regeneration after one changed document (\`${EDITED_DOCUMENT}\`), output folder kept:`,
        again.samples,
        { header: 'Changed', cell: changed },
      ),
      ...(profile?.tables ?? []),
    ],
    targets,
    notes: [...notesOf(workspace, full, again), ...(profile?.notes ?? [])],
  };
}

/** Full generation of the official lexicons, and regeneration after one change, per generator. */
export const codegenBenchmark: Benchmark = { name: 'codegen', title: 'Codegen', run };
