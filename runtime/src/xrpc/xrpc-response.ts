import { parseRateLimit } from './rate-limit.js';

import type { RateLimit } from './rate-limit.js';

/** The JSON form of an {@link XrpcResponse}. */
export interface XrpcResponseJson<O> {
  readonly data: O;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly rateLimit?: RateLimit | undefined;
}

/** A successful XRPC response: the output, the status, the headers and the rate-limit state. */
export class XrpcResponse<O> {
  /** The output: the cast JSON body, the bytes of a binary body, or `undefined` for no output. */
  readonly data: O;

  /** The HTTP status, 2xx. */
  readonly status: number;

  /** The response headers. */
  readonly headers: Headers;

  /** The rate-limit state from the `ratelimit-*` headers, if the server sent them. */
  readonly rateLimit: RateLimit | undefined;

  constructor(data: O, status: number, headers: Headers) {
    this.data = data;
    this.status = status;
    this.headers = headers;
    this.rateLimit = parseRateLimit(headers);
  }

  /** Returns a plain object with the headers as a record, for logging or snapshots. */
  toJSON(): XrpcResponseJson<O> {
    const { data, status, rateLimit } = this;

    return { data, status, headers: Object.fromEntries(this.headers), rateLimit };
  }
}
