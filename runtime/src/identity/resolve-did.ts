import { assertDid } from '../syntax/did.js';
import { claimedHandle } from './claimed-handle.js';
import { didDocumentUrl } from './did-document-url.js';
import { parseDidDocument } from './did-document.js';
import { fetchDidDocument } from './fetch-did-document.js';
import { pdsEndpoint } from './pds-endpoint.js';

import type { Did } from '../syntax/did.js';
import type { Handle } from '../syntax/handle.js';
import type { DidDocument } from './did-document.js';
import type { LookupOptions } from './lookup-options.js';

/** How {@link resolveDid} looks a DID up. */
export interface ResolveDidOptions extends LookupOptions {
  /**
   * The PLC directory that serves `did:plc` documents, at `<plcUrl>/<did>`.
   * @default 'https://plc.directory'
   */
  readonly plcUrl?: string | URL | undefined;
}

/** A DID with its checked document and the atproto data read from it. */
export interface DidResolution {
  readonly did: Did;
  readonly document: DidDocument;
  /** The handle the document claims, in lower case; not verified. */
  readonly handle?: Handle;
  /** The origin of the account's PDS. */
  readonly pds: URL;
}

/**
 * Resolves a DID to its document: `did:plc` through a PLC directory, `did:web` through its host's
 * `/.well-known/did.json` (plain HTTP and a port only for `localhost`). The document must be about
 * the DID and name an atproto PDS with a usable URL.
 *
 * @throws StringFormatError when `input` is not a DID
 * @throws UnsupportedDidMethodError when the method is neither `plc` nor `web`
 * @throws DidNotFoundError when the directory or host has no document for the DID
 * @throws DidResolutionError when the DID has a form atproto does not resolve, or the request
 *   fails or times out
 * @throws DidDocumentInvalidError when the document is malformed, about another DID, or names no
 *   usable PDS
 * @example
 * ```ts
 * const { pds, handle } = await resolveDid('did:plc:ewvi7nxzyoun6zhxrhs64oiz');
 * ```
 */
export async function resolveDid(
  input: string,
  options: ResolveDidOptions = {},
): Promise<DidResolution> {
  assertDid(input);

  const url = didDocumentUrl(input, options);
  const document = parseDidDocument(input, await fetchDidDocument(input, url, options));
  const pds = pdsEndpoint(document);
  const handle = claimedHandle(document);

  return handle === undefined
    ? { did: input, document, pds }
    : { did: input, document, handle, pds };
}
