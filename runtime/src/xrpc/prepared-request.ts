import { dropUndefined } from './drop-undefined.js';
import { buildRequestBody } from './request-body.js';
import { toSearchParams } from './search-params.js';
import { parseOutgoing } from './validation.js';

import type { CallRequest } from './call-request.js';
import type { XrpcMethod } from './method.js';
import type { RequestBody } from './request-body.js';

/** A validated call, ready to be given headers and sent. */
export interface PreparedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly body: RequestBody | undefined;
}

function buildUrl(service: URL, nsid: string, params: unknown): URL {
  // @NOTE XRPC paths are always top-level: a path on the service URL is replaced, not extended.
  const url = new URL(`/xrpc/${nsid}`, service);

  url.search = toSearchParams(nsid, params).toString();

  return url;
}

/**
 * Validates a call's params and input and builds its URL and body. Nothing is sent.
 *
 * @throws {XrpcValidationError} when params or input fail their schema
 */
export function prepareRequest<P, I, O>(
  method: XrpcMethod<P, I, O>,
  request: CallRequest<P, I>,
  service: URL,
): PreparedRequest {
  const params = parseOutgoing(
    method.nsid,
    'params',
    method.params,
    dropUndefined(request.params ?? {}),
  );
  const url = buildUrl(service, method.nsid, params);

  if (method.type === 'query') return { method: 'GET', url, body: undefined };

  return { method: 'POST', url, body: buildRequestBody(method, request) };
}

/** Whether a prepared request can be sent again: a `ReadableStream` body can be read only once. */
export function isReplayable(prepared: PreparedRequest): boolean {
  return !(prepared.body?.data instanceof ReadableStream);
}
