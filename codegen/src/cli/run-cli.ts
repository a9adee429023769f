import type { ReportOutput } from '../diff/lexicons-diff-command.js';
import { LEXICONS_DIFF_USAGE } from '../diff/lexicons-diff-usage.js';
import { CodegenError, formatProblem } from '../errors.js';
import { ACCOUNT_USAGE, isAccountCommand } from './account/account-usage.js';
import { GENERATE_USAGE, runGenerate } from './generate-command.js';
import { createLogger, type Logger } from './logger.js';

const USAGE = `Usage:
${GENERATE_USAGE}
  ${LEXICONS_DIFF_USAGE}
${ACCOUNT_USAGE}`;

function report(error: unknown, logger: Logger): number {
  if (error instanceof CodegenError) {
    for (const problem of error.problems) logger.error(formatProblem(problem));
    logger.error(`Nothing written: ${error.problems.length} problem(s) in the lexicons`);

    return 1;
  }

  logger.error(error instanceof Error ? error.message : String(error));

  return 1;
}

/**
 * Runs the `lexforge` command line and returns its exit code. Messages go to `logger`; a report a
 * command prints, such as a lexicon diff, goes to `output`.
 */
export async function runCli(
  argv: readonly string[],
  logger = createLogger('info'),
  output: ReportOutput = process.stdout,
): Promise<number> {
  const [command, ...args] = argv;

  if (
    command === undefined ||
    command === 'help' ||
    argv.includes('--help') ||
    argv.includes('-h')
  ) {
    output.write(`${USAGE}\n`);

    return command === undefined ? 2 : 0;
  }

  try {
    if (command === 'generate') return await runGenerate(args, logger);
    // @NOTE The other commands are imported when they run: the account commands load the whole
    // generated API, which would take longer to import than `generate` takes to run
    if (command === 'lexicons' && args[0] === 'diff') {
      const { runLexiconsDiff } = await import('../diff/lexicons-diff-command.js');

      return await runLexiconsDiff(args.slice(1), logger, output);
    }
    if (isAccountCommand(command)) {
      const { runAccountCommand } = await import('./account/account-commands.js');

      return await runAccountCommand(command, args, logger, output);
    }
  } catch (error) {
    return report(error, logger);
  }

  logger.error(`Unknown command: ${argv.slice(0, 2).join(' ')}\n${USAGE}`);

  return 2;
}
