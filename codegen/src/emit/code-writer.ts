import CodeBlockWriter from 'code-block-writer';

// @NOTE Files are written with the code writer ts-morph itself builds code with, once per file.
// Building them as ts-morph source files would parse each one again: measured here, importing
// ts-morph costs about 0.45 s and parsing the 460 generated files about 0.68 s, more than the
// whole generation takes.

/** A writer set up for the generated code style: 2 spaces, single quotes, `\n`. */
export function createCodeWriter(): CodeBlockWriter {
  return new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' });
}

/** Writes `header { ...body }` with the body indented, then a new line. */
export function writeBlock(writer: CodeBlockWriter, header: string, body: () => void): void {
  writer.write(header).block(body);
}

export type { CodeBlockWriter };

/** Joins written parts into file text: one blank line at most between blocks, one final `\n`. */
export function fileText(...parts: readonly (CodeBlockWriter | string)[]): string {
  const text = parts.map((part) => part.toString()).join('\n');

  return `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
