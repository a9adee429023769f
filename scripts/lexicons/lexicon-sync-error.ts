/** Raised when a sync cannot run; nothing has been written when it is thrown. */
export class LexiconSyncError extends Error {
  override name = 'LexiconSyncError';

  /** One line per rejected document, each starting with the document's path. */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [], options?: ErrorOptions) {
    super(message, options);
    this.problems = problems;
  }
}
