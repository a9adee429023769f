import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

import type { Did } from '../../syntax/did.js';

/**
 * Thrown for a DID whose method atproto does not resolve: only `did:plc` and `did:web` are.
 *
 * @example
 * ```ts
 * // UnsupportedDidMethodError: Unsupported DID method: did:key:zQ3sh…
 * ```
 */
export class UnsupportedDidMethodError extends IdentityError {
  override readonly name: string = 'UnsupportedDidMethodError';

  readonly did: Did;

  /** The method part of the DID, e.g. `key`. */
  readonly method: string;

  constructor(did: Did) {
    super(`Unsupported DID method: ${shown(did)}`);
    this.did = did;
    this.method = did.slice('did:'.length, did.indexOf(':', 'did:'.length));
  }
}
