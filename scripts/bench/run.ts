// Runs the benchmarks side by side with the peer libraries, prints the results and, after a full
// run, rewrites the results section of BENCHMARKS.md.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { createLogger } from '../logger.js';
import { BENCH_USAGE, isFullRun, parseBenchOptions } from './bench-options.js';
import { bundleBenchmark } from './bundle-bench.js';
import { codegenBenchmark } from './codegen-bench.js';
import { describeEnvironment } from './environment.js';
import { refreshBenchmark } from './refresh-bench.js';
import { renderResults, renderSummary } from './render-results.js';
import { writeResults } from './results-file.js';
import { createTempFolder } from './temp-folder.js';
import { typecheckBenchmark } from './typecheck-bench.js';
import { validationBenchmark } from './validation-bench.js';

import type { Logger } from '../logger.js';
import type { BenchOptions } from './bench-options.js';
import type { BenchContext, Benchmark } from './benchmark.js';
import type { BenchOutcome, RunRecord } from './render-results.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS_FILE = `${ROOT}BENCHMARKS.md`;

// @NOTE The local PDS of the refresh benchmark points TMPDIR at the run's temp folder while it
// runs, so that benchmark comes last.
const BENCHMARKS: readonly Benchmark[] = [
  codegenBenchmark,
  bundleBenchmark,
  validationBenchmark,
  typecheckBenchmark,
  refreshBenchmark,
];

async function runOne(benchmark: Benchmark, context: BenchContext): Promise<BenchOutcome> {
  const started = performance.now();

  context.logger.info(`Running ${benchmark.name}: ${benchmark.title}`);

  try {
    const report = await benchmark.run(context);

    return { benchmark, report, milliseconds: performance.now() - started };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));

    context.logger.error(`${benchmark.name} failed: ${failure.stack ?? failure.message}`);

    return { benchmark, error: failure, milliseconds: performance.now() - started };
  }
}

function commandLine(argv: readonly string[]): string {
  return argv.length === 0 ? 'npm run bench' : `npm run bench -- ${argv.join(' ')}`;
}

async function runAll(options: BenchOptions, argv: readonly string[], logger: Logger) {
  const started = performance.now();
  const temp = await createTempFolder('lexforge-bench');
  const removeOnInterrupt = () => {
    rmSync(temp.path, { recursive: true, force: true });
    process.exit(130);
  };
  const selected = BENCHMARKS.filter(
    ({ name }) => options.only.length === 0 || options.only.includes(name),
  );
  const outcomes: BenchOutcome[] = [];

  process.once('SIGINT', removeOnInterrupt);

  try {
    const context = { options, root: ROOT, temp, logger };

    for (const benchmark of selected) outcomes.push(await runOne(benchmark, context));
  } finally {
    process.off('SIGINT', removeOnInterrupt);
    await temp.remove();
  }

  return {
    date: new Date(),
    command: commandLine(argv),
    milliseconds: performance.now() - started,
    environment: await describeEnvironment(ROOT),
    outcomes,
  } satisfies RunRecord;
}

async function main(argv: readonly string[]): Promise<number> {
  const logger = createLogger();
  let options: BenchOptions;

  try {
    options = parseBenchOptions(
      argv,
      BENCHMARKS.map(({ name }) => name),
    );
  } catch (error) {
    logger.error(`${error instanceof Error ? error.message : String(error)}\n${BENCH_USAGE}`);

    return 2;
  }

  const record = await runAll(options, argv, logger);

  process.stdout.write(`${renderSummary(record)}\n`);

  if (isFullRun(options)) await writeResults(RESULTS_FILE, renderResults(record));
  else logger.info('Partial or quick run: BENCHMARKS.md left as it is');

  logger.info(`Benchmarks done in ${(record.milliseconds / 1000).toFixed(1)} s`);

  return record.outcomes.some(({ error }) => error !== undefined) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
