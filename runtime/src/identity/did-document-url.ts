import { didWebUrl } from './did-web-url.js';
import { DidResolutionError } from './errors/did-resolution-error.js';
import { UnsupportedDidMethodError } from './errors/unsupported-did-method-error.js';

import type { Did } from '../syntax/did.js';

/** The public PLC directory, where `did:plc` documents are looked up by default. */
export const DEFAULT_PLC_URL = 'https://plc.directory';

// @NOTE: a did:plc identifier is 24 characters of lower-case base32 (a SHA-256 prefix).
const PLC_PATTERN = /^did:plc:[a-z2-7]{24}$/;

function plcUrl(did: Did, directory: string | URL): URL {
  if (!PLC_PATTERN.test(did)) {
    throw new DidResolutionError({ did, reason: 'invalid', detail: 'not a did:plc identifier' });
  }

  return new URL(`${String(directory).replace(/\/+$/, '')}/${did}`);
}

/** Where {@link didDocumentUrl} looks DIDs up. */
export interface DidDocumentUrlOptions {
  /**
   * The PLC directory that serves `did:plc` documents.
   * @default 'https://plc.directory'
   */
  readonly plcUrl?: string | URL | undefined;
  /**
   * Whether `did:web` hosts under `.test` may resolve.
   * @default false
   */
  readonly allowTestTld?: boolean | undefined;
}

/**
 * Returns the URL of a DID's document: `<plcUrl>/<did>` for `did:plc`, the host's
 * `/.well-known/did.json` for `did:web`.
 *
 * @throws UnsupportedDidMethodError for any other method
 * @throws DidResolutionError with reason `invalid` for a `did:plc` or `did:web` of a form atproto
 *   does not resolve
 */
export function didDocumentUrl(did: Did, options: DidDocumentUrlOptions = {}): URL {
  if (did.startsWith('did:plc:')) return plcUrl(did, options.plcUrl ?? DEFAULT_PLC_URL);

  if (did.startsWith('did:web:')) return didWebUrl(did, options.allowTestTld ?? false);

  throw new UnsupportedDidMethodError(did);
}
