import type { ValidationMode } from './validation.js';

/** A binary request body, for procedures whose input is not JSON (e.g. `uploadBlob`). */
export type BinaryBody = Uint8Array | Blob | ReadableStream<Uint8Array>;

/** Per-call settings, shared by {@link CallRequest} and the request builders' `send`. */
export interface CallOptions {
  /** Aborts the call, including any wait between retries. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Milliseconds each attempt may take to answer, and again to deliver its body; `false` for none.
   * @default the client's `timeout`
   */
  readonly timeout?: number | false | undefined;
  /**
   * How strictly the output is checked for this call.
   * @default the client's `validate`
   */
  readonly validate?: ValidationMode | undefined;
  /** Extra request headers for this call; they override the client's headers. */
  readonly headers?: HeadersInit | undefined;
}

/** One call of a method: its params, its input or binary body, and per-call settings. */
export interface CallRequest<P, I> extends CallOptions {
  /** The query-string parameters, parsed with the method's params schema before sending. */
  readonly params?: P | undefined;
  /** The JSON input of a procedure, parsed with the method's input schema before sending. */
  readonly input?: I | undefined;
  /**
   * A binary body for a procedure; sent as is, taking the place of `input`. A `ReadableStream` can
   * be sent only once, so a call with one is never replayed.
   */
  readonly body?: BinaryBody | undefined;
  /**
   * The `content-type` of `body`.
   * @default the lexicon's encoding; for a pattern like `*\/*`, the Blob's type or
   * `application/octet-stream`
   */
  readonly encoding?: string | undefined;
}
