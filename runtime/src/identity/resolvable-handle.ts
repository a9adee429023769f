import { normalizeHandle } from '../syntax/handle.js';
import { HandleResolutionError } from './errors/handle-resolution-error.js';

import type { Handle } from '../syntax/handle.js';

// @NOTE: the handle spec's list of top-level domains that must fail resolution; it applies to
// `did:web` hosts too. `.test` is only for development and is refused unless asked for.
const RESERVED_TLDS: ReadonlySet<string> = new Set([
  'alt',
  'arpa',
  'example',
  'internal',
  'invalid',
  'local',
  'localhost',
  'onion',
]);

const TEST_TLD = 'test';

/**
 * Tests whether a lower-case hostname lies under a top-level domain that never resolves in
 * atproto: a reserved one, or `.test` unless `allowTestTld` is set.
 */
export function isReservedHostname(hostname: string, allowTestTld: boolean): boolean {
  const tld = hostname.slice(hostname.lastIndexOf('.') + 1);

  return RESERVED_TLDS.has(tld) || (tld === TEST_TLD && !allowTestTld);
}

/**
 * Checks a handle, lower-cases it, and refuses one under a reserved top-level domain, all before
 * any lookup.
 *
 * @throws StringFormatError when `input` is not a handle
 * @throws HandleResolutionError with reason `reserved` when its top-level domain never resolves
 */
export function assertResolvableHandle(input: string, allowTestTld: boolean): Handle {
  const handle = normalizeHandle(input);

  if (isReservedHostname(handle, allowTestTld)) {
    throw new HandleResolutionError({ handle, reason: 'reserved' });
  }

  return handle;
}
