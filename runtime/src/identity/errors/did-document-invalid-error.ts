import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

import type { Did } from '../../syntax/did.js';

/**
 * What is wrong with a DID document: it is not a JSON DID document (`malformed`), its `id` is
 * another DID (`id-mismatch`), it names no atproto PDS service (`no-pds`), or the PDS service's
 * endpoint is not a usable URL (`bad-pds-url`).
 */
export type DidDocumentProblem = 'malformed' | 'id-mismatch' | 'no-pds' | 'bad-pds-url';

function describe(did: Did, reason: DidDocumentProblem, detail: string | undefined): string {
  const suffix = detail === undefined ? '' : ` (${shown(detail)})`;

  switch (reason) {
    case 'malformed':
      return `DID document malformed: ${shown(did)}${suffix}`;
    case 'id-mismatch':
      return `DID document names another DID: ${shown(did)}${suffix}`;
    case 'no-pds':
      return `DID document names no PDS: ${shown(did)}${suffix}`;
    case 'bad-pds-url':
      return `DID document has an unusable PDS URL: ${shown(did)}${suffix}`;
  }
}

/**
 * Thrown when a DID document was fetched but cannot be used for the DID.
 *
 * @example
 * ```ts
 * // DidDocumentInvalidError: DID document names another DID: did:web:a.com (id did:web:b.com)
 * ```
 */
export class DidDocumentInvalidError extends IdentityError {
  override readonly name: string = 'DidDocumentInvalidError';

  readonly did: Did;

  readonly reason: DidDocumentProblem;

  /** The offending value or a short explanation, also shown in the message. */
  readonly detail: string | undefined;

  constructor(did: Did, reason: DidDocumentProblem, detail?: string) {
    super(describe(did, reason, detail));
    this.did = did;
    this.reason = reason;
    this.detail = detail;
  }
}
