/** Where in the input a problem was found. */
export interface SourceLocation {
  /** The lexicon file, relative to the folder it was read from when possible. */
  file?: string | undefined;
  nsid?: string | undefined;
  /** The def name inside the document, e.g. `main` or `postView`. */
  def?: string | undefined;
  /** A JSON path inside the document, e.g. `$.defs.main.properties.text`. */
  path?: string | undefined;
}

/** One problem found in the input, with where it is. */
export interface CodegenProblem extends SourceLocation {
  message: string;
}

function describeLocation(location: SourceLocation): string {
  const parts = [
    location.file,
    location.nsid === undefined
      ? undefined
      : `${location.nsid}${location.def === undefined ? '' : `#${location.def}`}`,
    location.path,
  ];

  return parts.filter((part) => part !== undefined).join(' ');
}

/** Formats a problem as one line: `message (file nsid#def $.path)`. */
export function formatProblem(problem: CodegenProblem): string {
  const where = describeLocation(problem);

  return where === '' ? problem.message : `${problem.message} (${where})`;
}

/**
 * Thrown when the lexicon input cannot be generated. Carries every problem found, so that one run
 * reports all of them; nothing is written when it is thrown.
 */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';
  readonly problems: readonly CodegenProblem[];

  constructor(problems: readonly CodegenProblem[], options?: ErrorOptions) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';

    super(
      `${first === undefined ? 'Lexicon input rejected' : formatProblem(first)}${more}`,
      options,
    );
    this.problems = problems;
  }
}
