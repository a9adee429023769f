import { parseArgs } from 'node:util';

import { CodegenError, formatProblem } from '../errors.js';
import { generate } from '../generate.js';
import { createLogger, type Logger } from './logger.js';

const USAGE = `Usage:
  lexforge generate --lexicons <dir>... --out <dir> [--include <glob>]... [--exclude <glob>]...
                    [--quiet | --verbose]`;

async function runGenerate(args: string[], logger: Logger): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      lexicons: { type: 'string', multiple: true },
      out: { type: 'string' },
      include: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });

  if (values.lexicons === undefined || values.out === undefined) {
    logger.error(`Missing option: --lexicons and --out are required\n${USAGE}`);

    return 2;
  }

  const result = await generate({
    lexicons: values.lexicons,
    out: values.out,
    include: values.include ?? [],
    exclude: values.exclude ?? [],
    onProgress: (message) => logger.debug(message),
  });
  const seconds = (result.milliseconds / 1000).toFixed(2);

  logger.info(`Generated ${result.documents} documents into ${result.files} files in ${seconds} s`);

  return 0;
}

function report(error: unknown, logger: Logger): number {
  if (error instanceof CodegenError) {
    for (const problem of error.problems) logger.error(formatProblem(problem));
    logger.error(`Nothing written: ${error.problems.length} problem(s) in the lexicons`);

    return 1;
  }

  logger.error(error instanceof Error ? error.message : String(error));

  return 1;
}

/** Runs the `lexforge` command line and returns its exit code. */
export async function runCli(
  argv: readonly string[],
  logger = createLogger('info'),
): Promise<number> {
  const [command, ...args] = argv;

  try {
    if (command === 'generate') return await runGenerate(args, logger);
  } catch (error) {
    return report(error, logger);
  }

  logger.error(command === undefined ? USAGE : `Unknown command: ${command}\n${USAGE}`);

  return 2;
}
