import { parseDidDocument } from '../identity/did-document.js';
import { IdentityError } from '../identity/errors/identity-error.js';
import { pdsEndpoint } from '../identity/pds-endpoint.js';
import { isDid } from '../syntax/did.js';

/**
 * Finds the account's PDS in the DID document a session carries, by the same rules identity
 * resolution applies (see `pdsEndpoint`): the first `#atproto_pds` service of type
 * `AtprotoPersonalDataServer`, a bare `https` origin (`http` only on loopback).
 *
 * @param didDoc - the DID document, as `createSession` or `refreshSession` return it
 * @param did - the account's DID, which the document's `id` must be
 * @returns the PDS origin, or `undefined` when the document is absent, names another DID, has no
 * such entry, or its first such entry is malformed
 * @example
 * findPdsEndpoint(session.didDoc, session.did)?.href; // 'https://pds.example.com/'
 */
export function findPdsEndpoint(didDoc: unknown, did: string): URL | undefined {
  if (didDoc === undefined || !isDid(did)) return undefined;

  try {
    return pdsEndpoint(parseDidDocument(did, didDoc));
  } catch (error) {
    if (error instanceof IdentityError) return undefined;

    throw error;
  }
}
