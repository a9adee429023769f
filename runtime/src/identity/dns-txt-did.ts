import { isDid } from '../syntax/did.js';

import type { Did } from '../syntax/did.js';
import type { Handle } from '../syntax/handle.js';

/** The part of a `node:dns/promises` `Resolver` that handle lookups use. */
interface TxtResolver {
  setServers(servers: string[]): void;
  resolveTxt(hostname: string): Promise<string[][]>;
  cancel(): void;
}

interface NodeDns {
  Resolver: new () => TxtResolver;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

const NAME_PREFIX = '_atproto.';
const RECORD_PREFIX = 'did=';
const DNS_NAME_MAX_LENGTH = 253;

// @NOTE: the runtime is type-checked without Node's types and stays loadable on other platforms, so
// `node:dns/promises` comes from `process.getBuiltinModule` (Node 22.3 and later). Where it is
// missing, the DNS method fails and the HTTPS method alone decides.
function loadNodeDns(): NodeDns {
  const process = (globalThis as { process?: NodeProcess }).process;
  const dns = process?.getBuiltinModule?.('node:dns/promises') as NodeDns | undefined;

  if (dns === undefined) throw new Error('DNS unavailable: no node:dns/promises on this platform');

  return dns;
}

/**
 * Reads the DIDs out of a name's TXT records (each a list of character strings, joined): every
 * record of the form `did=<did>`, each DID once. Other records are ignored.
 */
export function didsFromTxtRecords(records: readonly (readonly string[])[]): Did[] {
  const values = records.map((chunks) => chunks.join(''));
  const claims = values.filter((value) => value.startsWith(RECORD_PREFIX));

  return [...new Set(claims.map((value) => value.slice(RECORD_PREFIX.length)).filter(isDid))];
}

function createResolver(dnsServers: readonly string[] | undefined): TxtResolver {
  const resolver = new (loadNodeDns().Resolver)();

  if (dnsServers !== undefined) resolver.setServers([...dnsServers]);

  return resolver;
}

/**
 * Looks up the TXT records of `_atproto.<handle>` and returns the DIDs they name.
 *
 * @param dnsServers servers to ask instead of the system's, e.g. `['127.0.0.1:5353']`
 * @throws Error when the lookup fails, including when the name does not exist
 */
export async function lookupDnsDids(
  handle: Handle,
  dnsServers: readonly string[] | undefined,
  signal: AbortSignal,
): Promise<Did[]> {
  const name = `${NAME_PREFIX}${handle}`;

  if (name.length > DNS_NAME_MAX_LENGTH) throw new Error(`DNS name too long: ${name}`);

  const resolver = createResolver(dnsServers);
  const cancel = (): void => resolver.cancel();

  signal.throwIfAborted();
  signal.addEventListener('abort', cancel, { once: true });

  try {
    return didsFromTxtRecords(await resolver.resolveTxt(name));
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
