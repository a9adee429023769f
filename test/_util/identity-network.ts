// A loopback stand-in for the parts of the internet identity resolution reaches: a DNS server for
// `_atproto` TXT records, and one HTTP server that answers for every host (handles' well-known
// DIDs, `did:web` documents) by its `Host` header and path.
import { startDnsServer } from './dns-server.js';
import { sendJson, startLoopbackServer } from './loopback-server.js';
import { routedFetch } from './routed-fetch.js';

import type { ServerResponse } from 'node:http';
import type { DnsServer } from './dns-server.js';
import type { LoopbackServer, ReceivedRequest } from './loopback-server.js';
import type { RoutedFetch } from './routed-fetch.js';

/** How the web server answers one URL: a text body, a JSON body, or never. */
export type Page =
  | { readonly status?: number; readonly text: string }
  | { readonly status?: number; readonly json: unknown }
  | 'hang';

/** The loopback network, with its zone, its pages and the requests it saw. */
export interface IdentityNetwork {
  readonly dns: DnsServer;
  readonly web: LoopbackServer;
  /** Pages by `<host><path>`, e.g. `alice.test/.well-known/atproto-did`; others answer 404. */
  readonly pages: Map<string, Page>;
  /** Origins that answer for chosen hostnames instead of the web server, e.g. a handle's PDS. */
  readonly routes: Map<string, string>;
  /** A fetch that sends every non-loopback URL to `routes` or to the web server. */
  readonly routed: RoutedFetch;
  /** The host of `did:web:localhost%3A<port>` documents served by the web server. */
  readonly localHost: string;
  /** `did:web:localhost%3A<port>`: its document is the page `<localHost>/.well-known/did.json`. */
  readonly didWeb: `did:web:${string}`;
  /** Empties the zone, the pages, the routes and the request logs. */
  reset(): void;
  close(): Promise<void>;
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function answer(
  pages: Map<string, Page>,
  request: ReceivedRequest,
  response: ServerResponse,
): void {
  const page = pages.get(`${request.headers.host ?? ''}${request.url}`);

  if (page === 'hang') return;

  if (page === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  } else if ('json' in page) {
    sendJson(response, page.status ?? 200, page.json);
  } else {
    response.writeHead(page.status ?? 200, { 'content-type': 'text/plain' }).end(page.text);
  }
}

/** Starts the DNS and web servers on 127.0.0.1. */
export async function startIdentityNetwork(): Promise<IdentityNetwork> {
  const pages = new Map<string, Page>();
  const routes = new Map<string, string>();
  const dns = await startDnsServer();
  const web = await startLoopbackServer((request, response) => answer(pages, request, response));
  const port = new URL(web.url).port;
  const routed = routedFetch(({ hostname }) =>
    LOOPBACK_HOSTNAMES.has(hostname) ? undefined : (routes.get(hostname) ?? web.url),
  );
  const reset = (): void => {
    for (const collection of [dns.zone, pages, routes]) collection.clear();

    for (const log of [dns.queries, web.requests, routed.requests]) log.length = 0;

    dns.silent = false;
  };
  const close = async (): Promise<void> => {
    await Promise.all([dns.close(), web.close()]);
  };

  return {
    dns,
    web,
    pages,
    routes,
    routed,
    reset,
    close,
    localHost: `localhost:${port}`,
    didWeb: `did:web:localhost%3A${port}`,
  };
}
