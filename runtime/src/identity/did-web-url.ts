import { isHandle } from '../syntax/handle.js';
import { DidResolutionError } from './errors/did-resolution-error.js';
import { isReservedHostname } from './resolvable-handle.js';

import type { Did } from '../syntax/did.js';

const WEB_PREFIX = 'did:web:';
const DOCUMENT_PATH = '/.well-known/did.json';
const LOCALHOST = 'localhost';
const PORT_PATTERN = /^[1-9][0-9]{0,4}$/;
const PORT_MAX = 65535;

function refuse(did: Did, detail: string): DidResolutionError {
  return new DidResolutionError({ did, reason: 'invalid', detail });
}

function localhostUrl(did: Did, port: string | undefined): URL {
  if (port !== undefined && !(PORT_PATTERN.test(port) && Number(port) <= PORT_MAX)) {
    throw refuse(did, `bad port ${port}`);
  }

  return new URL(`http://${LOCALHOST}${port === undefined ? '' : `:${port}`}${DOCUMENT_PATH}`);
}

function hostUrl(did: Did, host: string, allowTestTld: boolean): URL {
  if (!isHandle(host)) throw refuse(did, 'the host is not a hostname');

  if (isReservedHostname(host, allowTestTld)) throw refuse(did, 'reserved top-level domain');

  return new URL(`https://${host}${DOCUMENT_PATH}`);
}

/**
 * Returns where a `did:web` document lives: `https://<host>/.well-known/did.json`, or
 * `http://localhost[:<port>]/.well-known/did.json` for `did:web:localhost[%3A<port>]`. atproto
 * supports hostname-level `did:web` only: no paths, a port only for `localhost`, and no reserved
 * top-level domain.
 *
 * @throws DidResolutionError with reason `invalid` for any other form
 */
export function didWebUrl(did: Did, allowTestTld: boolean): URL {
  const identifier = did.slice(WEB_PREFIX.length);

  if (identifier.includes(':')) throw refuse(did, 'did:web with a path is not supported');

  const [host = '', port, ...rest] = identifier.split(/%3a/i);

  if (rest.length > 0 || host.includes('%')) throw refuse(did, 'bad percent-encoding');

  if (host !== host.toLowerCase()) throw refuse(did, 'the host is not in lower case');

  if (host === LOCALHOST) return localhostUrl(did, port);

  if (port !== undefined) throw refuse(did, 'a port is allowed only for localhost');

  return hostUrl(did, host, allowTestTld);
}
