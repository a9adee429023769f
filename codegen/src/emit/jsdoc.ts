import type { LexNode } from '../load/walk.js';
import type { CodeBlockWriter } from './code-writer.js';

const WIDTH = 100;

function wrap(text: string, indent: number): string[] {
  const room = Math.max(40, WIDTH - indent - 3);
  const lines: string[] = [];
  let line = '';

  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + word.length + 1 > room) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }

  if (line !== '') lines.push(line);

  return lines;
}

const CONSTRAINTS: readonly (readonly [string, string])[] = [
  ['format', 'Format'],
  ['minLength', 'Min length'],
  ['maxLength', 'Max length'],
  ['minGraphemes', 'Min graphemes'],
  ['maxGraphemes', 'Max graphemes'],
  ['minimum', 'Minimum'],
  ['maximum', 'Maximum'],
  ['maxSize', 'Max size'],
];

function constraints(node: LexNode): string[] {
  const notes: string[] = [];

  for (const [key, label] of CONSTRAINTS) {
    if (node[key] !== undefined) notes.push(`${label}: ${String(node[key])}`);
  }

  return notes;
}

/** The lines of the JSDoc block of a lexicon node: description, constraints, tags. */
function docLines(node: LexNode, indent: number): string[] {
  const description = typeof node['description'] === 'string' ? node['description'] : '';
  const body = wrap(description.replace(/\*\//g, '*\\/'), indent);
  const notes = constraints(node);
  const tags: string[] = [];

  if (notes.length > 0) body.push(...wrap(`${notes.join('. ')}.`, indent));
  if (node['default'] !== undefined) tags.push(`@default ${JSON.stringify(node['default'])}`);
  if (/^deprecated/i.test(description)) tags.push('@deprecated');

  return tags.length > 0 && body.length > 0 ? [...body, '', ...tags] : [...body, ...tags];
}

/**
 * The lines of the JSDoc block of a lexicon node (description, constraints, `@default`,
 * `@deprecated`) written at an indentation level; none when the node says nothing worth
 * documenting.
 */
export function jsDocLines(node: LexNode | undefined, level: number): readonly string[] {
  if (node === undefined) return [];

  const lines = docLines(node, level * 2);

  if (lines.length === 0) return [];

  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'];
}

/**
 * Writes the JSDoc block of a lexicon node (description, constraints, `@default`, `@deprecated`);
 * nothing when the node says nothing worth documenting.
 */
export function writeJsDoc(writer: CodeBlockWriter, node: LexNode | undefined): void {
  const lines = jsDocLines(node, writer.getIndentationLevel());

  // @NOTE One call for the whole block: the writer's cost is mostly per call, not per line
  if (lines.length > 0) writer.writeLine(lines.join('\n'));
}

/** Writes a one-line JSDoc comment. */
export function writeSummary(writer: CodeBlockWriter, text: string): void {
  writer.writeLine(`/** ${text} */`);
}
