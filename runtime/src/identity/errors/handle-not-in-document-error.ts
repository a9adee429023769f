import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

import type { Did } from '../../syntax/did.js';
import type { Handle } from '../../syntax/handle.js';

/**
 * Thrown when a handle resolves to a DID whose document does not claim the handle back (its
 * `alsoKnownAs` names another handle, or none): the handle is not verified, and anyone could point
 * a handle they control at someone else's DID.
 */
export class HandleNotInDocumentError extends IdentityError {
  override readonly name: string = 'HandleNotInDocumentError';

  /** The handle that was resolved, in lower case. */
  readonly handle: Handle;

  /** The DID the handle resolved to. */
  readonly did: Did;

  /** The handle the DID document claims instead, if any. */
  readonly claimed: Handle | undefined;

  constructor(handle: Handle, did: Did, claimed: Handle | undefined) {
    const claim = claimed === undefined ? 'no handle' : shown(claimed);

    super(`Handle not claimed by its DID: ${shown(handle)} (${shown(did)} claims ${claim})`);
    this.handle = handle;
    this.did = did;
    this.claimed = claimed;
  }
}
