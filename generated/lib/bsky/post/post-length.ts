import { graphemeCount, utf8ByteLength } from '@lexforge/runtime';

import { PostLengthError } from './post-length-error.js';

/** The most graphemes a post's text may have (`maxGraphemes` of `app.bsky.feed.post#text`). */
export const MAX_POST_GRAPHEMES = 300;

/** The most UTF-8 bytes a post's text may have (`maxLength` of `app.bsky.feed.post#text`). */
export const MAX_POST_BYTES = 3000;

/**
 * Checks a post's text against both length limits, graphemes first.
 *
 * @throws {PostLengthError} naming the limit and the count
 * @example
 * assertPostLength('🦋'.repeat(301)); // throws: Post text too long: 301 graphemes, limit 300
 */
export function assertPostLength(text: string): void {
  const graphemes = graphemeCount(text);

  if (graphemes > MAX_POST_GRAPHEMES) {
    throw new PostLengthError('graphemes', MAX_POST_GRAPHEMES, graphemes);
  }

  const bytes = utf8ByteLength(text);

  if (bytes > MAX_POST_BYTES) throw new PostLengthError('bytes', MAX_POST_BYTES, bytes);
}
