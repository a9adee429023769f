import * as v from 'valibot';

import type { StringFormat } from '../syntax/formats.js';
import { hasUtf8Length, utf8ByteLength } from '../syntax/utf8-length.js';

const MAX_SHOWN = 64;

function shown(value: string): string {
  return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
}

let segmenter: Intl.Segmenter | undefined;

/** The number of grapheme clusters of a string (what a reader counts as characters). */
export function graphemeCount(value: string): number {
  segmenter ??= new Intl.Segmenter();
  let count = 0;

  for (const segment of segmenter.segment(value)) {
    void segment;
    count++;
  }

  return count;
}

/** Whether a string's length in grapheme clusters lies within `min` and `max`. */
export function hasGraphemeLength(value: string, min: number, max: number): boolean {
  // a string never has more graphemes than UTF-16 units
  if (min === 0 && value.length <= max) return true;

  const count = graphemeCount(value);

  return count >= min && count <= max;
}

/** A check action that reports what it expects, for messages like `expected did format`. */
function named<A extends v.CheckAction<string, v.ErrorMessage<v.CheckIssue<string>>>>(
  action: A,
  type: string,
  expects: string,
): A {
  return { ...action, type, expects };
}

/** Bounds of a length; either may be absent. */
export interface LengthBounds {
  min?: number | undefined;
  max?: number | undefined;
}

function describe(bounds: LengthBounds, unit: string): string {
  if (bounds.min !== undefined && bounds.max !== undefined) {
    return `${bounds.min} to ${bounds.max} ${unit}`;
  }

  return bounds.min !== undefined
    ? `at least ${bounds.min} ${unit}`
    : `at most ${bounds.max} ${unit}`;
}

function lengthMessage(bounds: LengthBounds, unit: string, received: number): string {
  return `Invalid length: Expected ${describe(bounds, unit)} but received ${received}`;
}

/**
 * Checks a lexicon string `format` with its syntax check (`isDid` for `did`, ...); a failure is a
 * validation issue (lenient reads accept it). The check is passed in rather than looked up, so
 * that a bundle holds only the checks of the formats its schemas use.
 *
 * @example
 * v.pipe(v.string(), stringFormat('did', isDid))
 */
export function stringFormat(format: StringFormat, test: (value: string) => boolean) {
  const action = v.check(
    test,
    (issue) => `Invalid format: Expected ${format} but received ${shown(String(issue.input))}`,
  );

  return named(action, 'string_format', `${format} format`);
}

/**
 * Checks a string's length in UTF-8 bytes, as lexicon `minLength`/`maxLength` count it.
 * Strings short enough to pass whatever their content skip the count.
 */
export function utf8Length(options: { minLength?: number; maxLength?: number }) {
  const bounds = { min: options.minLength, max: options.maxLength };
  const { minLength = 0, maxLength = Infinity } = options;

  const action = v.check(
    (value: string) => hasUtf8Length(value, minLength, maxLength),
    (issue) => lengthMessage(bounds, 'UTF-8 bytes', utf8ByteLength(String(issue.input))),
  );

  return named(action, 'utf8_length', describe(bounds, 'UTF-8 bytes'));
}

/** Checks a string's length in grapheme clusters (lexicon `minGraphemes`/`maxGraphemes`). */
export function graphemeLength(options: { minGraphemes?: number; maxGraphemes?: number }) {
  const bounds = { min: options.minGraphemes, max: options.maxGraphemes };
  const { minGraphemes = 0, maxGraphemes = Infinity } = options;

  const action = v.check(
    (value: string) => hasGraphemeLength(value, minGraphemes, maxGraphemes),
    (issue) => lengthMessage(bounds, 'graphemes', graphemeCount(String(issue.input))),
  );

  return named(action, 'grapheme_length', describe(bounds, 'graphemes'));
}
