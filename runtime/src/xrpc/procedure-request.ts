import { isJsonEncoding } from './encoding.js';
import { setField, XrpcRequest } from './xrpc-request.js';

import type { BinaryBody, CallRequest } from './call-request.js';
import type { ProcedureMethod } from './method.js';
import type { XrpcClient } from './xrpc-client.js';
import type { FieldValues, XrpcRequestJson } from './xrpc-request.js';

/**
 * A request to a lexicon procedure (sent as POST); generated code extends it with one setter per
 * param and per field of a JSON input.
 *
 * @example
 * await createRecord(client).repo(did).collection('app.bsky.feed.post').record(post).send();
 * await uploadBlob(client).body(bytes, 'image/png').send();
 */
export class ProcedureRequest<P, I, O> extends XrpcRequest<P, I, O> {
  readonly #jsonInput: boolean;
  readonly #input: Record<PropertyKey, unknown> = {};
  #body: { readonly data: BinaryBody; readonly encoding: string | undefined } | undefined;

  public constructor(client: XrpcClient, method: ProcedureMethod<P, I, O>) {
    super(client, method);
    this.#jsonInput = method.input !== undefined && isJsonEncoding(method.input.encoding);
  }

  /** Sets several fields of the JSON input at once; `undefined` values remove theirs. */
  with(values: FieldValues<I>): this {
    for (const [name, value] of Object.entries(values ?? {})) setField(this.#input, name, value);

    return this;
  }

  /** Sets several params at once; `undefined` values remove theirs. */
  params(values: FieldValues<P>): this {
    return this.$params(values);
  }

  /**
   * Sets a binary body, sent as is in place of a JSON input. A `ReadableStream` can be sent only
   * once; bytes and Blobs can be sent again.
   *
   * @param encoding - its `content-type`; by default the lexicon's encoding, or for a pattern like
   * `*\/*` the Blob's type or `application/octet-stream`
   */
  body(data: BinaryBody, encoding?: string): this {
    this.#body = { data, encoding };

    return this;
  }

  override toJSON(): XrpcRequestJson<P, I> {
    const json = super.toJSON();

    return this.#jsonInput ? { ...json, input: { ...this.#input } as Partial<I> } : json;
  }

  /** Sets one field of the JSON input; `undefined` removes it. For generated setters. */
  protected $input<K extends keyof I>(name: K, value: I[K] | undefined): this {
    setField(this.#input, name, value);

    return this;
  }

  protected override $callRequest(): CallRequest<P, I> {
    const request = { ...super.$callRequest(), input: { ...this.#input } as I };

    if (this.#body === undefined) return request;

    return { ...request, body: this.#body.data, encoding: this.#body.encoding };
  }
}
