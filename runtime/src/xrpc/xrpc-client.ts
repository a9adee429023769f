import ky, { isHTTPError } from 'ky';

import { XrpcResponseError } from '../errors/xrpc-response-error.js';
import { CallSignal } from './call-signal.js';
import { isReplayable, prepareRequest } from './prepared-request.js';
import { redactHeaders } from './request-description.js';
import { readOutput } from './response-body.js';
import { toResponseError } from './response-error.js';
import { toKyRetry } from './retry-policy.js';
import { toTransportError } from './transport-failure.js';
import { castOutput } from './validation.js';
import { XrpcResponse } from './xrpc-response.js';

import type { HTTPError, KyInstance, Options, RetryOptions } from 'ky';
import type { BinaryBody, CallRequest } from './call-request.js';
import type { XrpcMethod } from './method.js';
import type { PreparedRequest } from './prepared-request.js';
import type { XrpcRequestDescription } from './request-description.js';
import type { FailureContext } from './transport-failure.js';
import type { ValidationMode } from './validation.js';
import type { XrpcClientOptions } from './xrpc-client-options.js';

const DEFAULT_TIMEOUT = 30_000;
const PROXY_PATTERN = /^did:[a-z]+:[^#\s]+#[^#\s]+$/;

/** Sends the request of a failed call once more; see {@link XrpcClient.handleResponseError}. */
export type Replay<O> = () => Promise<XrpcResponse<O>>;

// @NOTE The DOM types accept only ArrayBuffer-backed views as a body; fetch takes any Uint8Array,
// so a Buffer or a view of a SharedArrayBuffer is passed through as is.
function toBodyInit(data: string | BinaryBody): BodyInit {
  return data as BodyInit;
}

function defaultHeaders(options: XrpcClientOptions): Headers {
  const headers = new Headers(options.headers);

  if (options.proxy !== undefined) {
    if (!PROXY_PATTERN.test(options.proxy)) {
      throw new TypeError(`Invalid atproto-proxy: ${options.proxy} (expected did:...#service_id)`);
    }

    headers.set('atproto-proxy', options.proxy);
  }

  if (options.labelers !== undefined && options.labelers.length > 0) {
    headers.set('atproto-accept-labelers', options.labelers.join(', '));
  }

  return headers;
}

/**
 * Calls XRPC methods on one service over HTTP: validates params and input before anything is
 * sent, retries failed queries, maps error responses to the method's declared error classes and
 * casts outputs. Generated request builders use it; {@link XrpcClient.call} works on its own too.
 *
 * Extend it to authenticate: override {@link XrpcClient.prepareHeaders} to add credentials and
 * {@link XrpcClient.handleResponseError} to refresh them and replay the call, and the `service`
 * getter to move to another host.
 *
 * @example
 * const client = new XrpcClient({ service: 'https://public.api.bsky.app' });
 * const { data } = await client.call(getProfile.method, { params: { actor: 'bsky.app' } });
 */
export class XrpcClient {
  readonly #service: URL;
  readonly #headers: Headers;
  readonly #validate: ValidationMode;
  readonly #timeout: number | false;
  readonly #retry: RetryOptions;
  readonly #ky: KyInstance;

  // ky hands error bodies over already parsed and drops text that is not JSON; the raw text is
  // kept here, per response, so an unreadable body can still be quoted.
  readonly #errorTexts = new WeakMap<Response, string>();

  /**
   * @throws {TypeError} when `service` is not a URL or `proxy` is not `did:...#service_id`
   */
  constructor(options: XrpcClientOptions) {
    this.#service = new URL(options.service);
    this.#headers = defaultHeaders(options);
    this.#validate = options.validate ?? 'lenient';
    this.#timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#retry = toKyRetry(options.retry);
    this.#ky = ky.create(this.#kyOptions(options));
  }

  /**
   * The service calls go to. A subclass may override this getter, e.g. to move to the PDS named in
   * the account's DID document after login; it is read once per call.
   */
  get service(): URL {
    return new URL(this.#service);
  }

  /**
   * Calls a method: GET for a query, POST for a procedure.
   *
   * @throws {XrpcValidationError} before sending when params or input fail their schema, and after
   * when the output fails the validation mode
   * @throws {XrpcResponseError} (or the method's declared subclass) when the server answers with an
   * XRPC error
   * @throws {XrpcUnreadableResponseError} when the body is not the JSON it should be
   * @throws {XrpcTransportError} on a network failure, a timeout or an abort
   */
  async call<P, I, O>(
    method: XrpcMethod<P, I, O>,
    request: CallRequest<P, I> = {},
  ): Promise<XrpcResponse<O>> {
    const prepared = prepareRequest(method, request, this.service);

    try {
      return await this.#send(method, prepared, request);
    } catch (error) {
      if (!(error instanceof XrpcResponseError) || this.handleResponseError === undefined) {
        throw error;
      }

      const replay = isReplayable(prepared)
        ? () => this.#send(method, prepared, request)
        : undefined;

      return this.handleResponseError(error, replay);
    }
  }

  /**
   * Describes the request a call would send, with credentials redacted, without sending it.
   *
   * @throws {XrpcValidationError} when params or input fail their schema
   */
  async describe<P, I, O>(
    method: XrpcMethod<P, I, O>,
    request: CallRequest<P, I> = {},
  ): Promise<XrpcRequestDescription> {
    const prepared = prepareRequest(method, request, this.service);
    const headers = await this.#headersFor(method, prepared, request.headers);

    return {
      method: prepared.method,
      url: prepared.url.href,
      headers: redactHeaders(headers),
      body: prepared.body?.data,
    };
  }

  /**
   * Completes the headers of every request just before it is sent, replays included: the place to
   * add `authorization`. It runs after the client's and the call's own headers are set. Not
   * defined here: a subclass implements it when it needs it.
   *
   * @param headers - the request headers, to change in place
   * @param method - the method being called
   */
  protected prepareHeaders?(headers: Headers, method: XrpcMethod): Promise<void>;

  /**
   * Decides what an XRPC error response turns into: throw it, or fix its cause and return
   * `replay()`, which sends the same request once more, through `prepareHeaders` again. A replay's
   * own error goes to the caller without coming back here. The session layer implements this to
   * refresh an expired access token (`ExpiredToken`) and replay the call. Not defined here: without
   * it, the error is thrown.
   *
   * @param error - the error the server answered with, already mapped to its declared class
   * @param replay - sends the request again; `undefined` when its body was a `ReadableStream`,
   * which cannot be sent twice
   * @throws {XrpcError} whatever the call should fail with
   */
  protected handleResponseError?<O>(
    error: XrpcResponseError,
    replay: Replay<O> | undefined,
  ): Promise<XrpcResponse<O>>;

  #kyOptions(options: XrpcClientOptions): Options {
    const parseJson = (text: string, { response }: { response: Response }): unknown => {
      this.#errorTexts.set(response, text);

      return JSON.parse(text);
    };

    return {
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
      parseJson,
      throwHttpErrors: true,
    };
  }

  async #headersFor(
    method: XrpcMethod,
    prepared: PreparedRequest,
    extra: HeadersInit | undefined,
  ): Promise<Headers> {
    const headers = new Headers(this.#headers);

    if (method.output !== undefined) headers.set('accept', method.output.encoding);

    for (const [name, value] of new Headers(extra)) headers.set(name, value);

    if (prepared.body !== undefined) headers.set('content-type', prepared.body.contentType);

    await this.prepareHeaders?.(headers, method);

    return headers;
  }

  async #send<P, I, O>(
    method: XrpcMethod<P, I, O>,
    prepared: PreparedRequest,
    request: CallRequest<P, I>,
  ): Promise<XrpcResponse<O>> {
    const headers = await this.#headersFor(method, prepared, request.headers);
    const context: FailureContext = {
      nsid: method.nsid,
      origin: prepared.url.origin,
      timeout: request.timeout ?? this.#timeout,
      signal: new CallSignal(request.signal),
    };
    const response = await this.#fetch(method, prepared, headers, context);
    const body = await context.signal
      .within(context.timeout, () => readOutput(method.nsid, method.output, response))
      .catch((error: unknown) => Promise.reject(toTransportError(error, context, true)));
    const mode = request.validate ?? this.#validate;
    const data = castOutput<O>(method.nsid, method.output?.schema, body, mode);

    return new XrpcResponse(data, response.status, response.headers);
  }

  async #fetch(
    method: XrpcMethod,
    prepared: PreparedRequest,
    headers: Headers,
    context: FailureContext,
  ): Promise<Response> {
    try {
      return await this.#ky(prepared.url, {
        method: prepared.method,
        headers,
        ...(prepared.body === undefined ? {} : { body: toBodyInit(prepared.body.data) }),
        signal: context.signal.signal,
        timeout: context.timeout,
        retry: method.type === 'query' ? this.#retry : 0,
      });
    } catch (error) {
      if (isHTTPError(error)) throw this.#toResponseError(method, error);

      throw toTransportError(error, context, false);
    }
  }

  #toResponseError(method: XrpcMethod, error: HTTPError): Error {
    const { response, data } = error;
    const text = this.#errorTexts.get(response) ?? (typeof data === 'string' ? data : '');

    return toResponseError(method.nsid, method.errors, response, text);
  }
}
