/**
 * Tests whether a sticky pattern matches exactly the characters of `s` from `start` to `end`,
 * without slicing them out.
 *
 * @NOTE: the pattern must carry the `y` flag and end in `(?=\/|$)`, so that a match can only stop
 * at a path separator or at the end of the input; `end` must be such a position.
 */
export function matchesSpan(pattern: RegExp, s: string, start: number, end: number): boolean {
  pattern.lastIndex = start;

  return pattern.test(s) && pattern.lastIndex === end;
}
