import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

import type { Handle } from '../../syntax/handle.js';

/**
 * Why a handle did not resolve: its top-level domain is reserved and never resolves (`reserved`),
 * neither method found a DID (`not-found`), or neither answered within the timeout (`timeout`).
 */
export type HandleResolutionFailure = 'reserved' | 'not-found' | 'timeout';

/** What went wrong while resolving a handle. */
export interface HandleResolutionErrorDetails {
  readonly handle: Handle;
  readonly reason: HandleResolutionFailure;
  /** The timeout in milliseconds that elapsed, for `timeout`. */
  readonly timeout?: number | undefined;
  /** Why each method failed, as an `AggregateError`. */
  readonly cause?: unknown;
}

function describe(details: HandleResolutionErrorDetails): string {
  const handle = shown(details.handle);

  switch (details.reason) {
    case 'reserved':
      return `Handle not resolvable: ${handle} (reserved top-level domain)`;
    case 'not-found':
      return `Handle not found: ${handle} (no DNS TXT record or well-known DID)`;
    case 'timeout':
      return `Handle resolution timed out: ${handle} (${String(details.timeout)} ms)`;
  }
}

/**
 * Thrown when a handle does not resolve to a DID. Refusals of reserved top-level domains happen
 * before any lookup. Timeouts are retryable.
 */
export class HandleResolutionError extends IdentityError {
  override readonly name: string = 'HandleResolutionError';

  /** The handle, in lower case. */
  readonly handle: Handle;

  readonly reason: HandleResolutionFailure;

  constructor(details: HandleResolutionErrorDetails) {
    const retryable = details.reason === 'timeout';

    super(describe(details), { cause: details.cause, retryable });
    this.handle = details.handle;
    this.reason = details.reason;
  }
}
