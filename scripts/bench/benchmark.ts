import type { Logger } from '../logger.js';
import type { BenchOptions } from './bench-options.js';
import type { TempFolder } from './temp-folder.js';

/** A table of results: a header row and rows of cells, already formatted. */
export interface ResultTable {
  /** A line above the table, e.g. what its rows measure. */
  readonly caption?: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A goal a benchmark checks; `met` is `undefined` when it could not be measured. */
export interface TargetCheck {
  readonly target: string;
  readonly met: boolean | undefined;
  /** The measured figure the verdict rests on. */
  readonly measured: string;
}

/** What one benchmark found. */
export interface BenchReport {
  readonly tables: readonly ResultTable[];
  readonly targets: readonly TargetCheck[];
  /** Sentences that qualify the figures: what was measured how, what was left out and why. */
  readonly notes: readonly string[];
}

/** What every benchmark gets to run with. */
export interface BenchContext {
  readonly options: BenchOptions;
  /** The repository root. */
  readonly root: string;
  /** A private temp folder, removed after the run. */
  readonly temp: TempFolder;
  readonly logger: Logger;
}

/** One benchmark of `npm run bench`, in its own module. */
export interface Benchmark {
  /** The name `--only` takes. */
  readonly name: string;
  readonly title: string;
  /** @throws whatever stops it; the run reports the failure and goes on with the next one */
  run(context: BenchContext): Promise<BenchReport>;
}

/** Rounds run before the measured ones, their samples thrown away. */
export const WARMUP_ROUNDS = 1;

/** Rounds for a benchmark: `full` normally, `quick` with `--quick`; one warm-up round first. */
export function roundsFor(
  context: BenchContext,
  full: number,
  quick: number,
): { warmup: number; rounds: number } {
  return { warmup: WARMUP_ROUNDS, rounds: context.options.quick ? quick : full };
}
