import { stat } from 'node:fs/promises';

import {
  diffLexicons,
  formatLexiconDiff,
  LexiconDiffError,
  readLexiconDocuments,
} from '@lexforge/codegen';
import type { LexiconDiff, LexiconDocuments } from '@lexforge/codegen';

import type { Logger } from '../logger.js';
import type { LexiconFile } from './lexicon-file.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Compares the documents a sync is about to write with those the folder holds now, by the lexicon
 * evolution rules. `undefined` when there is no folder yet, or when it cannot be read as lexicons:
 * the report is a courtesy and never stops a sync.
 */
export async function diffWithFolder(
  folder: string,
  files: readonly LexiconFile[],
  logger: Logger,
): Promise<LexiconDiff | undefined> {
  const before = await readPrevious(folder, logger);

  if (before === undefined) return undefined;

  const after = Object.fromEntries(
    files.map((file) => [file.nsid, JSON.parse(utf8.decode(file.bytes))]),
  );

  return diffLexicons(before, after);
}

/** Logs the report of a diff, one line each; nothing when no document changed. */
export function logLexiconChanges(diff: LexiconDiff | undefined, logger: Logger): void {
  if (diff === undefined || diff.findings.length === 0) return;

  for (const line of formatLexiconDiff(diff).trimEnd().split('\n')) logger.info(line);
}

async function readPrevious(folder: string, logger: Logger): Promise<LexiconDocuments | undefined> {
  const found = await stat(folder).catch(() => undefined);

  if (found === undefined) return undefined;

  try {
    return await readLexiconDocuments(folder);
  } catch (error) {
    if (!(error instanceof LexiconDiffError)) throw error;

    logger.warn(`Previous lexicons unreadable, no change report: ${error.message}`);

    return undefined;
  }
}
