import { XrpcResponseError } from '../errors/xrpc-response-error.js';
import { XrpcUnreadableResponseError } from '../errors/xrpc-unreadable-response-error.js';
import { tryParseJson } from './response-body.js';

import type { DeclaredErrors, XrpcErrorClass } from './method.js';

interface ErrorBody {
  readonly error: string;
  readonly message?: unknown;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;

  return typeof value.error === 'string' && value.error !== '';
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function declaredClass(errors: DeclaredErrors | undefined, name: string): XrpcErrorClass {
  // @NOTE Own keys only: an error named `constructor` or `toString` must not reach Object's.
  const declared = errors !== undefined && Object.hasOwn(errors, name) ? errors[name] : undefined;

  return declared ?? XrpcResponseError;
}

/**
 * Turns a non-2xx response into the error to throw: the method's declared error class when the body
 * names one, else {@link XrpcResponseError}; {@link XrpcUnreadableResponseError} when the body is
 * not an XRPC error body (a JSON object with an `error` name).
 */
export function toResponseError(
  nsid: string,
  errors: DeclaredErrors | undefined,
  response: Response,
  text: string,
): XrpcResponseError | XrpcUnreadableResponseError {
  const { status, headers } = response;
  const json = tryParseJson(text);

  if (!json.ok || !isErrorBody(json.value)) {
    const cause = json.ok ? undefined : json.cause;

    return new XrpcUnreadableResponseError({ nsid, status, headers, text, cause });
  }

  const { error, message } = json.value;
  const ErrorClass = declaredClass(errors, error);

  return new ErrorClass({ nsid, status, headers, error, message: stringOrUndefined(message) });
}
