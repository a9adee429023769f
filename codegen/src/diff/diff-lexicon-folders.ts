import { diffLexicons } from './diff-lexicons.js';
import type { LexiconDiff } from './diff-report.js';
import { readLexiconDocuments } from './read-lexicon-documents.js';

/**
 * Reads two folders of lexicon documents and compares them, the first as the old version.
 *
 * @throws LexiconDiffError when a folder is missing or holds a file that is not a lexicon document
 * @example
 * const diff = await diffLexiconFolders('../shared/lexicons/atproto-2025-05-31', 'lexicons');
 */
export async function diffLexiconFolders(before: string, after: string): Promise<LexiconDiff> {
  const [old, next] = await Promise.all([
    readLexiconDocuments(before),
    readLexiconDocuments(after),
  ]);

  return diffLexicons(old, next);
}
