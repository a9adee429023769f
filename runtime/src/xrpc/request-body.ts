import { dropUndefined } from './drop-undefined.js';
import { isEncodingPattern, isJsonEncoding, matchesEncoding } from './encoding.js';
import { parseOutgoing, singleIssueError } from './validation.js';

import type { BinaryBody, CallRequest } from './call-request.js';
import type { ProcedureMethod } from './method.js';

/** A request body ready to send, with its `content-type`. */
export interface RequestBody {
  readonly data: string | BinaryBody;
  readonly contentType: string;
}

const FALLBACK_TYPE = 'application/octet-stream';

function binaryType(pattern: string, body: BinaryBody, encoding: string | undefined): string {
  if (encoding !== undefined) return encoding;
  if (!isEncodingPattern(pattern)) return pattern;

  return body instanceof Blob && body.type !== '' ? body.type : FALLBACK_TYPE;
}

function bodyIssue(type: 'body' | 'encoding', expected: string, received: string) {
  const kind = type === 'body' ? 'schema' : 'validation';

  return { path: '$', kind, type, expected, received } as const;
}

function binaryBody(
  nsid: string,
  pattern: string,
  request: CallRequest<unknown, unknown>,
): RequestBody {
  const { body, encoding } = request;

  if (body === undefined) throw singleIssueError(nsid, 'input', bodyIssue('body', pattern, 'none'));

  const contentType = binaryType(pattern, body, encoding);

  if (!matchesEncoding(pattern, contentType)) {
    throw singleIssueError(nsid, 'input', bodyIssue('encoding', pattern, contentType));
  }

  return { data: body, contentType };
}

/**
 * Builds the body of a procedure call: the validated JSON input, or the binary body with its
 * `content-type`; `undefined` when the lexicon declares no input.
 *
 * @throws {XrpcValidationError} when the input fails its schema, a binary body is missing, or its
 * encoding does not match the lexicon's
 */
export function buildRequestBody<P, I, O>(
  method: ProcedureMethod<P, I, O>,
  request: CallRequest<P, I>,
): RequestBody | undefined {
  const { input } = method;

  if (input === undefined) return undefined;

  if (request.body === undefined && isJsonEncoding(input.encoding)) {
    const value = parseOutgoing(method.nsid, 'input', input.schema, dropUndefined(request.input));

    return { data: JSON.stringify(value), contentType: 'application/json' };
  }

  return binaryBody(method.nsid, input.encoding, request);
}
