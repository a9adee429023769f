import { DidDocumentInvalidError } from './errors/did-document-invalid-error.js';

import type { Did } from '../syntax/did.js';
import type { DidDocument, DidService } from './did-document.js';

const PDS_FRAGMENT = '#atproto_pds';
const PDS_TYPE = 'AtprotoPersonalDataServer';

/** Hosts a PDS may be reached on over plain HTTP: this machine, in development. */
const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

function isPdsService(did: Did, service: DidService): boolean {
  const idMatches = service.id === PDS_FRAGMENT || service.id === `${did}${PDS_FRAGMENT}`;
  const types = typeof service.type === 'string' ? [service.type] : service.type;

  return idMatches && types.includes(PDS_TYPE);
}

function isAllowedScheme(url: URL): boolean {
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTNAMES.has(url.hostname))
  );
}

// @NOTE: the DID spec asks for a bare origin: no credentials, path prefix, query or fragment.
function isBareOrigin(url: URL): boolean {
  return (
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === ''
  );
}

function parseEndpoint(did: Did, endpoint: unknown): URL {
  if (typeof endpoint !== 'string') {
    throw new DidDocumentInvalidError(did, 'bad-pds-url', 'serviceEndpoint is not a string');
  }

  const url = URL.parse(endpoint);

  if (url === null || !isAllowedScheme(url) || !isBareOrigin(url)) {
    throw new DidDocumentInvalidError(did, 'bad-pds-url', endpoint);
  }

  return new URL(url.origin);
}

/**
 * Returns the origin of the account's PDS: the `serviceEndpoint` of the first service whose `id`
 * is `#atproto_pds` (alone or after the DID) and whose type is `AtprotoPersonalDataServer`. It must
 * be an `https` origin; `http` is accepted only for `localhost`, `127.0.0.1` and `[::1]`.
 *
 * @throws DidDocumentInvalidError with reason `no-pds` when no such service exists, or
 *   `bad-pds-url` when its endpoint is not such an origin
 */
export function pdsEndpoint(document: DidDocument): URL {
  const service = document.service?.find((entry) => isPdsService(document.id, entry));

  if (service === undefined) throw new DidDocumentInvalidError(document.id, 'no-pds');

  return parseEndpoint(document.id, service.serviceEndpoint);
}
