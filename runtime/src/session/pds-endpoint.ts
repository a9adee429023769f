const PDS_SERVICE_ID = '#atproto_pds';
const PDS_SERVICE_TYPE = 'AtprotoPersonalDataServer';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

interface ServiceEntry {
  readonly id?: unknown;
  readonly type?: unknown;
  readonly serviceEndpoint?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPdsEntry(entry: unknown, did: string): entry is ServiceEntry {
  if (!isRecord(entry) || entry['type'] !== PDS_SERVICE_TYPE) return false;

  return entry['id'] === PDS_SERVICE_ID || entry['id'] === `${did}${PDS_SERVICE_ID}`;
}

function parseEndpoint(value: unknown): URL | undefined {
  const url = typeof value === 'string' ? URL.parse(value) : null;

  if (url === null || url.username !== '' || url.password !== '') return undefined;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return undefined;

  const secure = url.protocol === 'https:';
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);

  return secure || loopback ? new URL(url.origin) : undefined;
}

/**
 * Finds the account's PDS in its DID document: the first `service` entry with id `#atproto_pds`
 * (relative, or prefixed with the DID) and type `AtprotoPersonalDataServer`. Its endpoint must be
 * a bare `https` origin; plain `http` is accepted only for `localhost`, `127.0.0.1` and `[::1]`.
 *
 * @param didDoc - the DID document, as `createSession` or `refreshSession` return it
 * @param did - the account's DID, which the document's `id` must be
 * @returns the PDS origin, or `undefined` when the document is absent, names another DID, has no
 * such entry, or its first such entry is malformed
 * @example
 * findPdsEndpoint(session.didDoc, session.did)?.href; // 'https://pds.example.com/'
 */
export function findPdsEndpoint(didDoc: unknown, did: string): URL | undefined {
  if (!isRecord(didDoc) || didDoc['id'] !== did || !Array.isArray(didDoc['service'])) {
    return undefined;
  }

  const entry = didDoc['service'].find((candidate) => isPdsEntry(candidate, did));

  return entry === undefined ? undefined : parseEndpoint(entry.serviceEndpoint);
}
