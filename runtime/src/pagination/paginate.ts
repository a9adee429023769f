import type { CallOptions } from '../xrpc/call-request.js';

/** How far to page, and how each page is fetched. */
export interface PaginateOptions extends CallOptions {
  /**
   * The most pages to fetch.
   * @default Infinity
   */
  readonly maxPages?: number | undefined;
  /**
   * The most items to yield (item-level iteration only).
   * @default Infinity
   */
  readonly maxItems?: number | undefined;
}

/** What pagination needs of a request builder: set the cursor, send. */
export interface CursorRequest<O> {
  with(values: { cursor?: string | undefined }): unknown;
  send(options?: CallOptions): Promise<O>;
  toJSON(): { params: { cursor?: string | undefined } };
}

function callOptions(options: PaginateOptions): CallOptions {
  const { maxPages, maxItems, ...call } = options;

  return call;
}

/**
 * Fetches page after page, following the output's `cursor`: stops when a page has no cursor (or
 * repeats the last one), after `maxPages`, or when `signal` aborts. The builder's own cursor is
 * restored afterwards.
 *
 * @throws {XrpcError} when a page fails, and the signal's reason when it aborts
 */
export async function* paginate<O extends { cursor?: string | undefined }>(
  request: CursorRequest<O>,
  options: PaginateOptions = {},
): AsyncGenerator<O, void, undefined> {
  const start = request.toJSON().params.cursor;
  const maxPages = options.maxPages ?? Infinity;
  let cursor = start;

  try {
    for (let count = 0; count < maxPages; count++) {
      options.signal?.throwIfAborted();
      request.with({ cursor });

      const page = await request.send(callOptions(options));

      yield page;

      if (page.cursor === undefined || page.cursor === '' || page.cursor === cursor) return;
      cursor = page.cursor;
    }
  } finally {
    request.with({ cursor: start });
  }
}

/**
 * Yields the items of page after page (see {@link paginate}), up to `maxItems`.
 *
 * @throws {XrpcError} when a page fails, and the signal's reason when it aborts
 */
export async function* paginateItems<O extends { cursor?: string | undefined }, T>(
  request: CursorRequest<O>,
  pick: (page: O) => readonly T[],
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const maxItems = options.maxItems ?? Infinity;
  let count = 0;

  if (maxItems <= 0) return;

  for await (const page of paginate(request, options)) {
    for (const item of pick(page)) {
      yield item;

      if (++count >= maxItems) return;
    }
  }
}
