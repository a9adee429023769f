import { startDeadline } from './deadline.js';
import { lookupDnsDids } from './dns-txt-did.js';
import { HandleConflictError } from './errors/handle-conflict-error.js';
import { HandleResolutionError } from './errors/handle-resolution-error.js';
import { DEFAULT_LOOKUP_TIMEOUT } from './lookup-options.js';
import { assertResolvableHandle } from './resolvable-handle.js';
import { fetchWellKnownDid } from './well-known-did.js';

import type { Did } from '../syntax/did.js';
import type { Handle } from '../syntax/handle.js';
import type { Deadline } from './deadline.js';
import type { HandleAnswer, HandleResolutionMethod } from './errors/handle-conflict-error.js';
import type { LookupOptions } from './lookup-options.js';

/** How {@link resolveHandle} looks a handle up. */
export interface ResolveHandleOptions extends LookupOptions {
  /**
   * DNS servers to ask for TXT records instead of the system's, as addresses with an optional
   * port, e.g. `['1.1.1.1', '127.0.0.1:5353', '[::1]:53']`.
   * @default the system's resolvers
   */
  readonly dnsServers?: readonly string[] | undefined;
}

type Lookup = (
  handle: Handle,
  options: ResolveHandleOptions,
  signal: AbortSignal,
) => Promise<Did[]>;

const LOOKUPS: Readonly<Record<HandleResolutionMethod, Lookup>> = Object.freeze({
  dns: (handle, options, signal) => lookupDnsDids(handle, options.dnsServers, signal),
  https: (handle, options, signal) =>
    fetchWellKnownDid(handle, options.fetch ?? globalThis.fetch, signal),
});

const METHODS: readonly HandleResolutionMethod[] = ['dns', 'https'];

async function answersOf(
  method: HandleResolutionMethod,
  lookup: Promise<Did[]>,
): Promise<HandleAnswer[]> {
  const dids = await lookup;

  return dids.map((did) => ({ method, did }));
}

function failure(
  handle: Handle,
  settled: PromiseSettledResult<unknown>[],
  deadline: Deadline,
): HandleResolutionError {
  const causes = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  const cause = new AggregateError(causes, `Handle lookups failed: ${handle}`);
  const reason = deadline.expired() ? 'timeout' : 'not-found';

  return new HandleResolutionError({ handle, reason, timeout: deadline.timeout, cause });
}

function decide(
  handle: Handle,
  settled: PromiseSettledResult<HandleAnswer[]>[],
  deadline: Deadline,
): Did {
  const answers = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
  const dids = new Set(answers.map((answer) => answer.did));
  const [did] = dids;

  if (dids.size > 1) throw new HandleConflictError(handle, answers);

  if (did === undefined) throw failure(handle, settled, deadline);

  return did;
}

/**
 * Resolves a handle to the DID it names, through a DNS TXT record at `_atproto.<handle>` and the
 * HTTPS endpoint `https://<handle>/.well-known/atproto-did` (port 443), asked at the same time.
 * One method failing is fine when the other answers; both get until the timeout, so that answers
 * that disagree are noticed. The handle is checked and lower-cased before any lookup.
 *
 * @returns the DID, not yet verified against its document (see `IdentityResolver`)
 * @throws StringFormatError when `input` is not a handle
 * @throws HandleResolutionError when the handle's TLD is reserved (before any lookup), neither
 *   method finds a DID, or neither answers within the timeout
 * @throws HandleConflictError when the answers name more than one DID
 * @example
 * ```ts
 * const did = await resolveHandle('alice.example.com');
 * ```
 */
export async function resolveHandle(
  input: string,
  options: ResolveHandleOptions = {},
): Promise<Did> {
  const handle = assertResolvableHandle(input, options.allowTestTld ?? false);
  const deadline = startDeadline(options.timeout ?? DEFAULT_LOOKUP_TIMEOUT, options.signal);
  const lookups = METHODS.map((method) =>
    answersOf(method, LOOKUPS[method](handle, options, deadline.signal)),
  );
  const settled = await Promise.allSettled(lookups);

  deadline.throwIfCallerAborted();

  return decide(handle, settled, deadline);
}
