import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

import type { Did } from '../../syntax/did.js';
import type { Handle } from '../../syntax/handle.js';

/** How a handle was resolved: a DNS TXT record, or the HTTPS well-known endpoint. */
export type HandleResolutionMethod = 'dns' | 'https';

/** One DID a handle resolution method answered with. */
export interface HandleAnswer {
  readonly method: HandleResolutionMethod;
  readonly did: Did;
}

const METHOD_NAMES: Readonly<Record<HandleResolutionMethod, string>> = Object.freeze({
  dns: 'DNS',
  https: 'HTTPS',
});

function listAnswers(answers: readonly HandleAnswer[]): string {
  return answers.map(({ method, did }) => `${METHOD_NAMES[method]} ${shown(did)}`).join(', ');
}

/**
 * Thrown when a handle resolves to more than one DID: DNS and HTTPS disagree, or DNS holds
 * records for several DIDs. The handle spec asks for resolution to fail then; it may be tried
 * again later, once its owner has fixed the records.
 *
 * @example
 * ```ts
 * // Handle resolves to several DIDs: alice.com (DNS did:plc:aaa…, HTTPS did:plc:bbb…)
 * ```
 */
export class HandleConflictError extends IdentityError {
  override readonly name: string = 'HandleConflictError';

  /** The handle, in lower case. */
  readonly handle: Handle;

  /** Every answer, in method order: DNS first, then HTTPS. */
  readonly answers: readonly HandleAnswer[];

  constructor(handle: Handle, answers: readonly HandleAnswer[]) {
    super(`Handle resolves to several DIDs: ${shown(handle)} (${listAnswers(answers)})`);
    this.handle = handle;
    this.answers = answers;
  }
}
