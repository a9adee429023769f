import type { LexNode } from '../load/walk.js';

const WIDTH = 100;

function wrap(text: string, indent: string): string[] {
  const room = Math.max(40, WIDTH - indent.length - 3);
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

function constraints(node: LexNode): string[] {
  const notes: string[] = [];
  const pairs: [string, string][] = [
    ['format', 'Format'],
    ['minLength', 'Min length'],
    ['maxLength', 'Max length'],
    ['minGraphemes', 'Min graphemes'],
    ['maxGraphemes', 'Max graphemes'],
    ['minimum', 'Minimum'],
    ['maximum', 'Maximum'],
    ['maxSize', 'Max size'],
  ];

  for (const [key, label] of pairs) {
    if (node[key] !== undefined) notes.push(`${label}: ${String(node[key])}`);
  }

  return notes;
}

/**
 * The JSDoc block for a lexicon node: its description, constraints, `@default` and `@deprecated`,
 * each line prefixed by `indent`. Empty when the node says nothing worth documenting.
 */
export function jsDoc(node: LexNode | undefined, indent = ''): string {
  if (node === undefined) return '';

  const description = typeof node['description'] === 'string' ? node['description'] : '';
  const body = wrap(description.replace(/\*\//g, '*\\/'), indent);
  const notes = constraints(node);
  const tags: string[] = [];

  if (notes.length > 0) body.push(...wrap(`${notes.join('. ')}.`, indent));
  if (node['default'] !== undefined) tags.push(`@default ${JSON.stringify(node['default'])}`);
  if (/^deprecated/i.test(description)) tags.push('@deprecated');

  const lines = tags.length > 0 && body.length > 0 ? [...body, '', ...tags] : [...body, ...tags];

  if (lines.length === 0) return '';

  const inner = lines.map((line) => `${indent} *${line === '' ? '' : ` ${line}`}`);

  return `${indent}/**\n${inner.join('\n')}\n${indent} */\n`;
}
