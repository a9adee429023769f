import { castOutput } from './validation.js';

import type { CallOptions, CallRequest } from './call-request.js';
import type { XrpcMethod } from './method.js';
import type { XrpcRequestDescription } from './request-description.js';
import type { ValidationMode } from './validation.js';
import type { XrpcClient } from './xrpc-client.js';
import type { XrpcResponse } from './xrpc-response.js';

/** The JSON form of a request builder: what it would send, credentials aside. */
export interface XrpcRequestJson<P, I> {
  readonly nsid: string;
  readonly params: Partial<P>;
  /** The JSON input set so far; absent for queries and binary procedures. */
  readonly input?: Partial<I> | undefined;
}

/** Values for some fields of `T`, where `undefined` removes a field that was set. */
export type FieldValues<T> = { [K in keyof T]?: T[K] | undefined };

/** Sets `name` to `value` in `fields`, or removes it when `value` is `undefined`. */
export function setField(
  fields: Record<PropertyKey, unknown>,
  name: PropertyKey,
  value: unknown,
): void {
  if (value === undefined) {
    Reflect.deleteProperty(fields, name);
  } else {
    fields[name] = value;
  }
}

/**
 * The base of generated request builders: collects params one field at a time, then sends them
 * through an {@link XrpcClient}. A builder can be sent any number of times and serialized.
 *
 * @NOTE Generated subclasses add one setter per lexicon field, so every member here is either one
 * of the reserved names (`send`, `response`, `with`, `params`, `body`, `parseOutput`, `toJSON`,
 * `toRequest`; `pages` and `items` on cursor queries) or starts with `$`, which no lexicon field
 * name may.
 */
export abstract class XrpcRequest<P, I, O> {
  readonly #client: XrpcClient;
  readonly #method: XrpcMethod<P, I, O>;
  readonly #params: Record<PropertyKey, unknown> = {};

  protected constructor(client: XrpcClient, method: XrpcMethod<P, I, O>) {
    this.#client = client;
    this.#method = method;
  }

  /**
   * Sends the request and returns its output.
   *
   * @throws {XrpcError} as {@link XrpcClient.call} does
   */
  async send(options: CallOptions = {}): Promise<O> {
    const { data } = await this.response(options);

    return data;
  }

  /**
   * Sends the request and returns the whole response: output, status, headers and rate limit.
   *
   * @throws {XrpcError} as {@link XrpcClient.call} does
   */
  response(options: CallOptions = {}): Promise<XrpcResponse<O>> {
    return this.#client.call(this.#method, { ...options, ...this.$callRequest() });
  }

  /**
   * Describes the HTTP request `send` would make, with credentials redacted, without sending it.
   *
   * @throws {XrpcValidationError} when params or input fail their schema
   */
  toRequest(options: CallOptions = {}): Promise<XrpcRequestDescription> {
    return this.#client.describe(this.#method, { ...options, ...this.$callRequest() });
  }

  /**
   * Checks a saved output of this method (e.g. a response's `data` written as JSON) against the
   * method's output schema and returns it typed: the way back from `JSON.stringify` of a response.
   *
   * @param mode - how strictly to check; @default 'strict'
   * @throws {XrpcValidationError} when the value does not match the output schema
   */
  parseOutput(value: unknown, mode: ValidationMode = 'strict'): O {
    return castOutput(this.#method.nsid, this.#method.output?.schema, value, mode);
  }

  /** Returns the NSID and the params (and input) set so far. */
  toJSON(): XrpcRequestJson<P, I> {
    return { nsid: this.#method.nsid, params: { ...this.#params } as Partial<P> };
  }

  /** Sets one param; `undefined` removes it. For generated setters. */
  protected $param<K extends keyof P>(name: K, value: P[K] | undefined): this {
    setField(this.#params, name, value);

    return this;
  }

  /** Sets several params; `undefined` values remove theirs. */
  protected $params(values: FieldValues<P>): this {
    for (const [name, value] of Object.entries(values)) setField(this.#params, name, value);

    return this;
  }

  /** Returns what {@link XrpcClient.call} needs besides per-call options. */
  protected $callRequest(): CallRequest<P, I> {
    return { params: { ...this.#params } as P };
  }
}
