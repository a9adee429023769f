import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sharedPath } from './shared-data.js';

const SYNTAX_VECTORS = sharedPath('interop', 'syntax');

const LABEL_LENGTH = 60;

/** One line of an interop vector file, with a printable label for `test.each`. */
export interface InteropVector {
  name: string;
  value: string;
}

function label(value: string): string {
  const quoted = JSON.stringify(value);

  return quoted.length <= LABEL_LENGTH
    ? quoted
    : `${quoted.slice(0, LABEL_LENGTH)}… (${value.length} chars)`;
}

/**
 * Reads an interop syntax vector file such as `did_syntax_valid.txt`: one value a line, blank and
 * `#` lines skipped, every other line kept exactly, surrounding whitespace included.
 */
export function readSyntaxVectors(file: string): InteropVector[] {
  const text = readFileSync(join(SYNTAX_VECTORS, file), 'utf8');
  const values = text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));

  if (values.length === 0) {
    throw new Error(`Interop vector file without vectors: ${file}`);
  }

  return values.map((value) => ({ name: label(value), value }));
}
