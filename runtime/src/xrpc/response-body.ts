import { XrpcUnreadableResponseError } from '../errors/xrpc-unreadable-response-error.js';
import { isJsonEncoding } from './encoding.js';

import type { BodySchema } from './method.js';

/** The outcome of reading text as JSON: the value, or why it is not JSON. */
export type JsonParseResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly cause?: unknown };

/** Parses text as JSON without throwing; an empty text is not JSON. */
export function tryParseJson(text: string): JsonParseResult {
  if (text === '') return { ok: false };

  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { ok: false, cause };
  }
}

function parseJsonBody(nsid: string, response: Response, text: string): unknown {
  const json = tryParseJson(text);

  if (json.ok) return json.value;

  const { status, headers } = response;

  throw new XrpcUnreadableResponseError({ nsid, status, headers, text, cause: json.cause });
}

/**
 * Reads the body of a successful response as the method's output declares it: parsed JSON, the raw
 * bytes of any other encoding, or `undefined` (after draining the body) when there is no output.
 *
 * @throws {XrpcUnreadableResponseError} when a JSON output is empty or not JSON
 */
export async function readOutput(
  nsid: string,
  output: BodySchema<unknown> | undefined,
  response: Response,
): Promise<unknown> {
  if (output === undefined) {
    await response.arrayBuffer();

    return undefined;
  }

  if (!isJsonEncoding(output.encoding)) return new Uint8Array(await response.arrayBuffer());

  return parseJsonBody(nsid, response, await response.text());
}
