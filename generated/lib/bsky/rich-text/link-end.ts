// Characters that end a sentence or close a quote rather than belong to the link before them.
const STRAY = new Set(['.', ',', ';', ':', '!', '?', '’', '”', '»', '…']);
// A closing character that belongs to the link only when the link holds its opening one.
const OPENERS = new Map([
  [')', '('],
  [']', '['],
  ['}', '{'],
  ['"', '"'],
  ["'", "'"],
]);

function count(s: string, end: number, char: string): number {
  let total = 0;

  for (let index = 0; index < end; index++) if (s[index] === char) total++;

  return total;
}

function isStrayEnd(s: string, end: number): boolean {
  const last = s[end - 1] ?? '';
  const opener = OPENERS.get(last);

  if (STRAY.has(last)) return true;

  if (opener === undefined) return false;

  // a straight quote both opens and closes: the last one is stray when it has no pair
  return opener === last
    ? count(s, end, last) % 2 === 1
    : count(s, end, opener) < count(s, end, last);
}

/**
 * Cuts trailing punctuation off a link candidate: sentence punctuation and closing quotes, and a
 * closing bracket or straight quote with no opening one left in the link (in
 * `(see example.com/a_(b))` the link keeps `(b)`).
 *
 * @example
 * trimLinkEnd('https://example.com/path).'); // 'https://example.com/path'
 */
export function trimLinkEnd(candidate: string): string {
  let end = candidate.length;

  while (end > 0 && isStrayEnd(candidate, end)) end--;

  return candidate.slice(0, end);
}
