import { LexforgeError } from '@lexforge/runtime';

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A post asked for its record while mentions in its text were not resolved yet or media were not
 * uploaded yet: `prepare` does both.
 *
 * @example
 * post('hi @alice.bsky.social').toJSON(); // throws: 1 mention to resolve
 * (await post('hi @alice.bsky.social').prepare(postServices(client))).toJSON(); // the record
 */
export class PostNotPreparedError extends LexforgeError {
  override readonly name: string = 'PostNotPreparedError';

  /** Distinct handles mentioned that are not resolved yet. */
  readonly mentions: number;

  /** Blobs still to upload. */
  readonly uploads: number;

  constructor(mentions: number, uploads: number) {
    super(
      `Post not prepared: ${counted(mentions, 'mention')} to resolve, ` +
        `${counted(uploads, 'blob')} to upload (await prepare() first)`,
    );
    this.mentions = mentions;
    this.uploads = uploads;
  }
}
