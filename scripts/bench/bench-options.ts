import { parseArgs } from 'node:util';

/** What one `npm run bench` does. */
export interface BenchOptions {
  /** Names of the benchmarks to run; all when empty. */
  readonly only: readonly string[];
  /** Whether to add the slow peers (`@atproto/lex build`). */
  readonly slow: boolean;
  /** Whether to take fewer samples, for development; the results file is left alone then. */
  readonly quick: boolean;
}

/** The usage line of `npm run bench`. */
export const BENCH_USAGE = 'Usage: npm run bench -- [--only <name>]... [--slow] [--quick]';

/**
 * Reads the command line of `npm run bench`.
 *
 * @param names - the benchmark names `--only` accepts
 * @throws {TypeError} when an option is unknown or `--only` names no benchmark
 */
export function parseBenchOptions(argv: readonly string[], names: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string', multiple: true },
      slow: { type: 'boolean' },
      quick: { type: 'boolean' },
    },
  });
  const only = (values.only ?? []).flatMap((value) => value.split(','));
  const unknown = only.filter((name) => !names.includes(name));

  if (unknown.length > 0) {
    throw new TypeError(`Unknown benchmark: ${unknown.join(', ')} (expected ${names.join(', ')})`);
  }

  return { only, slow: values.slow === true, quick: values.quick === true };
}

/** Whether the run covers every benchmark with full sampling, so its results may be published. */
export function isFullRun(options: BenchOptions): boolean {
  return options.only.length === 0 && !options.quick;
}
