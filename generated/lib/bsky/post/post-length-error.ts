import { LexforgeError } from '@lexforge/runtime';

/** What a post's text length is counted in. */
export type PostLengthUnit = 'graphemes' | 'bytes';

/**
 * A post whose text is over a limit of the `app.bsky.feed.post` lexicon (300 graphemes, 3000
 * UTF-8 bytes), refused before anything was sent.
 *
 * @example
 * try {
 *   await bsky(client).post(text);
 * } catch (error) {
 *   if (error instanceof PostLengthError) showCounter(error.count, error.limit, error.unit);
 * }
 */
export class PostLengthError extends LexforgeError {
  override readonly name: string = 'PostLengthError';

  /** Which limit the text is over. */
  readonly unit: PostLengthUnit;

  /** The limit, in `unit`s. */
  readonly limit: number;

  /** The text's length, in `unit`s. */
  readonly count: number;

  constructor(unit: PostLengthUnit, limit: number, count: number) {
    super(`Post text too long: ${count} ${unit}, limit ${limit}`);
    this.unit = unit;
    this.limit = limit;
    this.count = count;
  }
}
