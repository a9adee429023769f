import type { ResultTable } from './benchmark.js';
import type { Summary } from './sampling.js';

/** Milliseconds, as `812 ms`, `1.23 s` or `1 min 12 s`. */
export function formatMs(milliseconds: number): string {
  if (milliseconds >= 60_000) {
    const seconds = Math.round(milliseconds / 1000);

    return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  }

  if (milliseconds >= 1000) return `${(milliseconds / 1000).toFixed(2)} s`;

  return `${milliseconds.toFixed(milliseconds >= 100 ? 0 : 1)} ms`;
}

/** A time summary as its median and range: `812 ms (790 ms–845 ms)`. */
export function formatTime(summary: Summary): string {
  return `${formatMs(summary.median)} (${formatMs(summary.min)}–${formatMs(summary.max)})`;
}

/** Nanoseconds per item as the median and interquartile range: `5.2 µs (5.1–5.4)`. */
export function formatNanos(summary: Summary): string {
  const scale = summary.median >= 10_000 ? 1000 : 1;
  const unit = scale === 1 ? 'ns' : 'µs';
  const value = (nanos: number) => {
    const scaled = nanos / scale;

    return scaled >= 100 ? scaled.toFixed(0) : scaled.toPrecision(3);
  };

  return `${value(summary.median)} ${unit} (${value(summary.q1)}–${value(summary.q3)})`;
}

/**
 * A ratio summary as its median and spread: the range `0.84× (0.80–0.88)`, or with `iqr` the
 * interquartile range.
 */
export function formatRatio(summary: Summary, spread: 'range' | 'iqr' = 'range'): string {
  const value = (ratio: number) => formatFactor(ratio).slice(0, -1);
  const [low, high] = spread === 'iqr' ? [summary.q1, summary.q3] : [summary.min, summary.max];

  return `${formatFactor(summary.median)} (${value(low)}–${value(high)})`;
}

/** A single ratio: `0.45×`, or two significant digits when small: `0.000097×`. */
export function formatFactor(ratio: number): string {
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;

  return `${ratio >= 0.01 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;
}

/** Bytes with a thousands separator and, from 1 KB on, in KB: `20,989 B (20.5 KB)`. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} B`;

  return bytes < 1024 ? exact : `${exact} (${(bytes / 1024).toFixed(1)} KB)`;
}

/** A count with a thousands separator. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

function escapeCell(cell: string): string {
  return cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** Renders a Markdown table, its columns padded to line up in plain text too. */
export function renderTable(table: ResultTable): string {
  const grid = [table.headers, ...table.rows].map((row) => row.map(escapeCell));
  const widths = table.headers.map((_, column) =>
    Math.max(3, ...grid.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  const [header = [], ...body] = grid;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;

  return [line(header), rule, ...body.map(line)].join('\n');
}

/** Joins the pieces of a long sentence written over several source lines. */
export function prose(...pieces: string[]): string {
  return pieces.join(' ');
}

/** Splits prose into the pieces a line may break between: words, code spans kept whole. */
function breakableWords(text: string): string[] {
  const words: string[] = [];

  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = words[words.length - 1];
    const inCode = last !== undefined && (last.split('`').length - 1) % 2 === 1;

    if (inCode) words[words.length - 1] = `${last} ${word}`;
    else words.push(word);
  }

  return words;
}

/**
 * Wraps prose at `width` columns, breaking between words only and never inside a code span;
 * `first` starts the first line and `rest` the others (e.g. `- ` and two spaces for a list item).
 */
export function wrapText(text: string, width = 100, first = '', rest = ''): string {
  const lines: string[] = [];
  let line = first;

  for (const word of breakableWords(text)) {
    const prefix = lines.length === 0 ? first : rest;

    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `${rest}${word}`;
    } else {
      line = line.length > prefix.length ? `${line} ${word}` : `${line}${word}`;
    }
  }

  return [...lines, line].join('\n');
}
