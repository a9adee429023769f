import { REDACTED } from '../errors/redact.js';

import type { BinaryBody } from './call-request.js';

/** A call as it would go over the wire, with credentials redacted; see `XrpcClient.describe`. */
export interface XrpcRequestDescription {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON text of a JSON input, the binary body as given, or `undefined`. */
  readonly body: string | BinaryBody | undefined;
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'dpop']);

function redactValue(value: string): string {
  const scheme = /^(\S+)\s/.exec(value)?.[1];

  return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
}

/**
 * Returns headers as a record with every credential replaced, keeping only the scheme of an
 * `authorization` value (`Bearer [redacted]`), so a description can be logged safely.
 */
export function redactHeaders(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};

  for (const [name, value] of headers) {
    record[name] = CREDENTIAL_HEADERS.has(name) ? redactValue(value) : value;
  }

  return record;
}
