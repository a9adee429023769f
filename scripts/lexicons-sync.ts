import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { LexiconSyncError } from './lexicons/lexicon-sync-error.js';
import { syncLexicons } from './lexicons/sync-lexicons.js';
import { createLogger } from './logger.js';
import type { Logger } from './logger.js';

const USAGE = 'Usage: npm run lexicons:sync -- --from <dir|file.tar.gz|url> [--out <dir>]';

const REPO_LEXICONS = fileURLToPath(new URL('../lexicons', import.meta.url));

async function main(logger: Logger): Promise<number> {
  const options = readOptions(logger);

  if (options === undefined) return 2;

  // @NOTE npm runs scripts from the package root; INIT_CWD is the folder the command was typed in.
  const cwd = process.env['INIT_CWD'] ?? process.cwd();

  try {
    await syncLexicons({ ...options, cwd, logger });

    return 0;
  } catch (error) {
    if (!(error instanceof LexiconSyncError)) throw error;

    reportFailure(error, logger);

    return 1;
  }
}

function readOptions(logger: Logger): { from: string; to: string } | undefined {
  try {
    const { values } = parseArgs({
      options: { from: { type: 'string' }, out: { type: 'string' } },
    });

    if (values.from !== undefined) return { from: values.from, to: values.out ?? REPO_LEXICONS };
  } catch (error) {
    logger.error((error as Error).message);
  }

  logger.error(USAGE);

  return undefined;
}

function reportFailure(error: LexiconSyncError, logger: Logger): void {
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';

  for (const problem of error.problems) logger.error(problem);

  logger.error(`${error.message}${cause}; nothing written`);
}

process.exitCode = await main(createLogger());
