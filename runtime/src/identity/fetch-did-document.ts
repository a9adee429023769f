import { startDeadline } from './deadline.js';
import { DidDocumentInvalidError } from './errors/did-document-invalid-error.js';
import { DidNotFoundError } from './errors/did-not-found-error.js';
import { DidResolutionError } from './errors/did-resolution-error.js';
import { DEFAULT_LOOKUP_TIMEOUT } from './lookup-options.js';
import { readLimitedText } from './read-limited-text.js';

import type { Did } from '../syntax/did.js';
import type { Deadline } from './deadline.js';
import type { LookupOptions } from './lookup-options.js';

// Real documents are about a kilobyte; this leaves room for many keys and services.
const BODY_LIMIT = 128 * 1024;

const ACCEPT = 'application/did+ld+json, application/did+json, application/json';

/** Statuses meaning there is no document: none registered (404), or deactivated (410). */
const NOT_FOUND_STATUSES: ReadonlySet<number> = new Set([404, 410]);

// @NOTE: the caller's own abort is rethrown as is, like fetch does; only the timeout and network
// failures become resolution errors.
function transportError(
  did: Did,
  url: URL,
  deadline: Deadline,
  cause: unknown,
): DidResolutionError {
  deadline.throwIfCallerAborted();

  return deadline.expired()
    ? new DidResolutionError({ did, reason: 'timeout', url: url.href, timeout: deadline.timeout })
    : new DidResolutionError({ did, reason: 'network', url: url.href, cause });
}

async function checkStatus(did: Did, url: URL, response: Response): Promise<void> {
  if (response.ok) return;

  await response.body?.cancel();

  if (NOT_FOUND_STATUSES.has(response.status)) {
    throw new DidNotFoundError(did, response.status, url.href);
  }

  throw new DidResolutionError({ did, reason: 'status', url: url.href, status: response.status });
}

async function send(
  did: Did,
  url: URL,
  options: LookupOptions,
  deadline: Deadline,
): Promise<Response> {
  const fetch = options.fetch ?? globalThis.fetch;

  try {
    return await fetch(url, { signal: deadline.signal, headers: { accept: ACCEPT } });
  } catch (error) {
    throw transportError(did, url, deadline, error);
  }
}

async function readBody(
  did: Did,
  url: URL,
  response: Response,
  deadline: Deadline,
): Promise<string | undefined> {
  try {
    return await readLimitedText(response, BODY_LIMIT);
  } catch (error) {
    throw transportError(did, url, deadline, error);
  }
}

function parseJson(did: Did, text: string | undefined): unknown {
  if (text === undefined) throw new DidDocumentInvalidError(did, 'malformed', 'body too large');

  try {
    return JSON.parse(text);
  } catch {
    throw new DidDocumentInvalidError(did, 'malformed', 'body is not JSON');
  }
}

/**
 * Fetches the DID document at `url` and parses its JSON, within the lookup's timeout.
 *
 * @throws DidNotFoundError on HTTP 404 or 410
 * @throws DidResolutionError on another error status, a network failure or the timeout
 * @throws DidDocumentInvalidError with reason `malformed` when the body is not JSON or too large
 */
export async function fetchDidDocument(
  did: Did,
  url: URL,
  options: LookupOptions,
): Promise<unknown> {
  const deadline = startDeadline(options.timeout ?? DEFAULT_LOOKUP_TIMEOUT, options.signal);
  const response = await send(did, url, options, deadline);

  await checkStatus(did, url, response);

  return parseJson(did, await readBody(did, url, response, deadline));
}
