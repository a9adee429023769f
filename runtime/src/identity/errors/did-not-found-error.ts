import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

import type { Did } from '../../syntax/did.js';

/**
 * Thrown when the DID's registry or host answers that it has no document for the DID (HTTP 404,
 * or 410 for a `did:plc` that was deactivated).
 */
export class DidNotFoundError extends IdentityError {
  override readonly name: string = 'DidNotFoundError';

  readonly did: Did;

  /** The HTTP status of the answer. */
  readonly status: number;

  /** Where the document was looked for. */
  readonly url: string;

  constructor(did: Did, status: number, url: string) {
    super(`DID not found: ${shown(did)} (HTTP ${status} from ${shown(url)})`);
    this.did = did;
    this.status = status;
    this.url = url;
  }
}
