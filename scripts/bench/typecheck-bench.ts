import { roundsFor } from './benchmark.js';
import { formatCount, formatFactor, formatRatio, formatTime, prose } from './format.js';
import { roundRatios, runRounds, samplesOf, summarize } from './sampling.js';
import { prepareConsumers, runTsc } from './typecheck-setup.js';

import type { BenchContext, BenchReport, Benchmark } from './benchmark.js';
import type { Contestant } from './sampling.js';
import type { ConsumerProject } from './typecheck-setup.js';

/** lexforge's consumer should need at most this share of atcute's instantiations. */
const TARGET = 0.5;

/** The figures `tsc --extendedDiagnostics` prints that are compared. */
interface Diagnostics {
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
  /** Seconds, as tsc reports them. */
  readonly checkTime: number;
  /** Seconds from reading the config to the end: parsing, binding and checking. */
  readonly totalTime: number;
}

/** What the rounds measured: check times (the samples) and total times, by consumer. */
interface Measured {
  readonly diagnostics: Map<string, Diagnostics>;
  readonly totals: Map<string, number[]>;
}

function figure(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output);

  if (match?.[1] === undefined) throw new Error(`tsc diagnostics without ${label}:\n${output}`);

  return Number(match[1]);
}

function parseDiagnostics(output: string): Diagnostics {
  return {
    files: figure(output, 'Files'),
    types: figure(output, 'Types'),
    instantiations: figure(output, 'Instantiations'),
    checkTime: figure(output, 'Check time'),
    totalTime: figure(output, 'Total time'),
  };
}

function contestant(context: BenchContext, project: ConsumerProject, measured: Measured) {
  const name = project.program.name;
  const args = ['-p', 'tsconfig.json', '--extendedDiagnostics'];

  measured.totals.set(name, []);

  return {
    name,
    measure: async () => {
      const diagnostics = parseDiagnostics(await runTsc(context, args, project.dir));

      measured.diagnostics.set(name, diagnostics);
      measured.totals.get(name)?.push(diagnostics.totalTime * 1000);

      return diagnostics.checkTime * 1000;
    },
  } satisfies Contestant;
}

function perRound(own: number[], lexforge: number[], isLexforge: boolean): string {
  return isLexforge ? '—' : formatRatio(summarize(roundRatios(lexforge, own)));
}

function rows(
  projects: readonly ConsumerProject[],
  measured: Measured,
  samples: ReadonlyMap<string, number[]>,
): string[][] {
  const lexforge = measured.diagnostics.get('lexforge');

  return projects.map(({ program }) => {
    const own = measured.diagnostics.get(program.name);
    const checks = samplesOf(samples, program.name);
    const totals = samplesOf(measured.totals, program.name);
    const isLexforge = program.name === 'lexforge';
    const instantiations = (lexforge?.instantiations ?? 0) / (own?.instantiations ?? 1);

    return [
      program.name,
      formatCount(own?.files ?? 0),
      formatCount(own?.types ?? 0),
      formatCount(own?.instantiations ?? 0),
      isLexforge ? '—' : formatFactor(instantiations),
      formatTime(summarize(checks)),
      perRound(checks, samplesOf(samples, 'lexforge'), isLexforge),
      formatTime(summarize(totals)),
      perRound(totals, samplesOf(measured.totals, 'lexforge'), isLexforge),
    ];
  });
}

async function run(context: BenchContext): Promise<BenchReport> {
  const projects = await prepareConsumers(context);
  const measured: Measured = { diagnostics: new Map(), totals: new Map() };
  const runners = projects.map((project) => contestant(context, project, measured));
  const samples = await runRounds(runners, roundsFor(context, 9, 2));
  const ratio =
    (measured.diagnostics.get('lexforge')?.instantiations ?? Number.NaN) /
    (measured.diagnostics.get('atcute')?.instantiations ?? Number.NaN);

  return {
    tables: [
      {
        caption: prose(
          '`tsc --extendedDiagnostics --noEmit` (TypeScript 7) on a program that calls',
          'getProfile and reads `displayName`:',
        ),
        headers: [
          'Consumer',
          'Files',
          'Types',
          'Instantiations',
          'lexforge ÷ it',
          'Check time, median (min–max)',
          'lexforge ÷ it, per round',
          'Total time',
          'lexforge ÷ it, per round',
        ],
        rows: rows(projects, measured, samples),
      },
    ],
    targets: [
      {
        target: `Instantiations: lexforge ÷ atcute ≤ ${TARGET}`,
        met: ratio <= TARGET,
        measured: formatFactor(ratio),
      },
    ],
    notes: [
      prose(
        'Each consumer compiles with `strict` and `skipLibCheck` (as applications usually do),',
        '`module: nodenext`, no `types`. Files include the TypeScript lib files.',
      ),
      ...projects.map(({ program, remark }) => `${program.name}: ${remark}.`),
      prose(
        'Files, types and instantiations are the same on every run. Check and total times are',
        "tsc's own, to the millisecond (total: from reading the config to the end of checking,",
        'parsing of every file included); the consumers run in rotating order after a warm-up',
        'round.',
      ),
    ],
  };
}

/** Type-check cost of a tiny consumer program for lexforge and the peers. */
export const typecheckBenchmark: Benchmark = {
  name: 'typecheck',
  title: 'Type-check cost',
  run,
};
