import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

import type { Did } from '../../syntax/did.js';

/**
 * Why a DID document could not be fetched: the DID has a form its method cannot resolve
 * (`invalid`), the host could not be reached (`network`), it did not answer in time (`timeout`), or
 * it answered with an error status other than not-found (`status`).
 */
export type DidResolutionFailure = 'invalid' | 'network' | 'timeout' | 'status';

/** What went wrong while fetching a DID document. */
export interface DidResolutionErrorDetails {
  readonly did: Did;
  readonly reason: DidResolutionFailure;
  /** Why the DID cannot be resolved, for `invalid`, e.g. `a port is allowed only for localhost`. */
  readonly detail?: string | undefined;
  /** Where the document was looked for. */
  readonly url?: string | undefined;
  /** The HTTP status, for `status`. */
  readonly status?: number | undefined;
  /** The timeout in milliseconds that elapsed, for `timeout`. */
  readonly timeout?: number | undefined;
  /** The network error, for `network`. */
  readonly cause?: unknown;
}

function describe(details: DidResolutionErrorDetails): string {
  const did = shown(details.did);
  const url = shown(details.url ?? '');

  switch (details.reason) {
    case 'invalid':
      return `DID not resolvable: ${did} (${details.detail ?? 'unsupported form'})`;
    case 'network':
      return `DID document unreachable: ${did} (${url})`;
    case 'timeout':
      return `DID document request timed out: ${did} (${String(details.timeout)} ms, ${url})`;
    case 'status':
      return `DID document request failed: ${did} (HTTP ${String(details.status)} from ${url})`;
  }
}

/**
 * Thrown when a DID document could not be fetched. Network failures, timeouts and 5xx answers are
 * retryable; a DID of a form its method cannot resolve is not.
 */
export class DidResolutionError extends IdentityError {
  override readonly name: string = 'DidResolutionError';

  readonly did: Did;

  readonly reason: DidResolutionFailure;

  /** The HTTP status of the answer, for `status`. */
  readonly status: number | undefined;

  constructor(details: DidResolutionErrorDetails) {
    const retryable =
      details.reason === 'network' ||
      details.reason === 'timeout' ||
      details.status === 429 ||
      (details.status !== undefined && details.status >= 500);

    super(describe(details), { cause: details.cause, retryable });
    this.did = details.did;
    this.reason = details.reason;
    this.status = details.status;
  }
}
