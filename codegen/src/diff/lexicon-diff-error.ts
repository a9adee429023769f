/** Thrown when a lexicon folder cannot be read for a diff; the message names the folder or file. */
export class LexiconDiffError extends Error {
  override readonly name = 'LexiconDiffError';
}
