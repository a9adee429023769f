import { parseArgs } from 'node:util';

import type { Logger } from '../cli/logger.js';
import { diffLexicons } from './diff-lexicons.js';
import { hasBreakingChanges } from './diff-report.js';
import type { LexiconDiff } from './diff-report.js';
import { formatLexiconDiff } from './format-lexicon-diff.js';
import { LexiconDiffError } from './lexicon-diff-error.js';
import { LEXICONS_DIFF_USAGE } from './lexicons-diff-usage.js';
import { readLexiconDocuments } from './read-lexicon-documents.js';

/** Where the command writes its report: stdout in the CLI, a buffer in tests. */
export interface ReportOutput {
  write(text: string): unknown;
}

/** A diff with how many documents each side held. */
interface Compared {
  diff: LexiconDiff;
  counts: readonly [number, number];
}

interface DiffOptions {
  before: string;
  after: string;
  json: boolean;
  check: boolean;
}

/**
 * Runs `lexforge lexicons diff <old-dir> <new-dir>`: writes the report to `output`, as text or
 * with `--json` as JSON, and a one-line summary to the logger.
 *
 * @returns 0; 1 with `--check` when a change is breaking; 2 for bad arguments or unreadable input
 */
export async function runLexiconsDiff(
  args: readonly string[],
  logger: Logger,
  output: ReportOutput,
): Promise<number> {
  const options = parseDiffArgs(args, logger);

  if (options === undefined) return 2;

  const started = performance.now();
  const compared = await readAndDiff(options, logger);

  if (compared === undefined) return 2;

  const { diff } = compared;

  output.write(options.json ? `${JSON.stringify(diff, null, 2)}\n` : formatLexiconDiff(diff));
  logger.info(summarize(compared, performance.now() - started));

  return options.check && hasBreakingChanges(diff) ? 1 : 0;
}

function parseDiffArgs(args: readonly string[], logger: Logger): DiffOptions | undefined {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        quiet: { type: 'boolean' },
        verbose: { type: 'boolean' },
      },
    });
    const [before, after, ...rest] = positionals;

    if (before !== undefined && after !== undefined && rest.length === 0) {
      return { before, after, json: values.json, check: values.check };
    }

    logger.error(`Folders expected: <old-dir> <new-dir>\nUsage: ${LEXICONS_DIFF_USAGE}`);
  } catch (error) {
    logger.error(`${(error as Error).message}\nUsage: ${LEXICONS_DIFF_USAGE}`);
  }

  return undefined;
}

async function readAndDiff(options: DiffOptions, logger: Logger): Promise<Compared | undefined> {
  try {
    const before = await readLexiconDocuments(options.before);
    const after = await readLexiconDocuments(options.after);
    const counts = [Object.keys(before).length, Object.keys(after).length] as const;

    return { diff: diffLexicons(before, after), counts };
  } catch (error) {
    if (!(error instanceof LexiconDiffError)) throw error;

    logger.error(error.message);

    return undefined;
  }
}

function summarize({ counts: [before, after] }: Compared, milliseconds: number): string {
  const seconds = (milliseconds / 1000).toFixed(2);

  return `Compared ${before} with ${after} lexicon documents in ${seconds} s`;
}
