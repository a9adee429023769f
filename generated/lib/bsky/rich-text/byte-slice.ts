import { utf8ByteLength } from '@lexforge/runtime';

import type * as AppBskyRichtextFacet from '../../../src/app/bsky/richtext/facet.js';
import type { TextSpan } from './detected-facet.js';

/**
 * Converts a span of `text` in UTF-16 units to the UTF-8 byte slice a facet uses.
 *
 * @example
 * toByteSlice('🦋 #tag', { start: 3, end: 7 }); // { byteStart: 5, byteEnd: 9 }
 */
export function toByteSlice(text: string, span: TextSpan): AppBskyRichtextFacet.ByteSlice {
  const byteStart = utf8ByteLength(text.slice(0, span.start));

  return { byteStart, byteEnd: byteStart + utf8ByteLength(text.slice(span.start, span.end)) };
}
