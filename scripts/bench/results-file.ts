import { readFile, writeFile } from 'node:fs/promises';

/** The comment lines between which `npm run bench` writes its results. */
export const RESULTS_START = '<!-- bench:results:start (written by npm run bench; edit above) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/**
 * Replaces what lies between the two result markers of a Markdown text.
 *
 * @throws {Error} when a marker is missing or the end comes before the start
 */
export function replaceResults(markdown: string, results: string): string {
  const start = markdown.indexOf(RESULTS_START);
  const end = markdown.indexOf(RESULTS_END);

  if (start === -1 || end === -1 || end < start) {
    throw new Error(`Results markers not found: expected ${RESULTS_START} ... ${RESULTS_END}`);
  }

  const before = markdown.slice(0, start + RESULTS_START.length);

  return `${before}\n\n${results.trim()}\n\n${markdown.slice(end)}`;
}

/** Rewrites the results section of a Markdown file, leaving the rest as it is. */
export async function writeResults(path: string, results: string): Promise<void> {
  const markdown = await readFile(path, 'utf8');

  await writeFile(path, replaceResults(markdown, results));
}
