// A fetch that stands in for name resolution and TLS: requests for chosen URLs go over plain HTTP
// to a loopback server, with the original host in the `Host` header; other requests pass to the
// global fetch. Tests use it to let a loopback server answer for `https://<handle>/...`.
import { request as httpRequest } from 'node:http';

import type { IncomingMessage } from 'node:http';

/** A routing fetch and the URLs it was asked for. */
export interface RoutedFetch {
  readonly fetch: typeof globalThis.fetch;
  /** Every URL requested through `fetch`, routed or not, in order. */
  readonly requests: URL[];
}

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();

  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }

  return headers;
}

async function toResponse(message: IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = [];

  for await (const chunk of message) chunks.push(chunk as Buffer);

  return new Response(Buffer.concat(chunks), {
    status: message.statusCode ?? 500,
    headers: headersOf(message),
  });
}

function forward(url: URL, origin: URL, init: RequestInit | undefined): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      hostname: origin.hostname,
      port: origin.port,
      path: `${url.pathname}${url.search}`,
      method: init?.method ?? 'GET',
      headers: { host: url.host },
      signal: init?.signal ?? undefined,
    });

    request.on('response', (message) => void toResponse(message).then(resolve, reject));
    request.on('error', reject);
    request.end();
  });
}

/** Picks the loopback origin that answers for a URL, or `undefined` to use the global fetch. */
export type Route = (url: URL) => string | undefined;

/**
 * Builds a fetch that sends each request `route` maps to an origin (e.g. `http://127.0.0.1:41234`)
 * there, and every other request to the global fetch. Redirects are not followed.
 */
export function routedFetch(route: Route): RoutedFetch {
  const requests: URL[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const origin = route(url);

    requests.push(url);

    return origin === undefined ? globalThis.fetch(url, init) : forward(url, new URL(origin), init);
  };

  return { fetch, requests };
}
