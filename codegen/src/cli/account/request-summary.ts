import type { XrpcClientOptions } from '@lexforge/runtime';

import type { Logger } from '../logger.js';

type Hooks = NonNullable<XrpcClientOptions['hooks']>;

function describe(request: Request): string {
  const url = new URL(request.url);

  return `${request.method} ${url.origin}${url.pathname}${url.search}`;
}

/**
 * ky hooks that print one line per request and per response: method, URL and status, never a
 * header, so no token can show.
 */
export function requestSummaries(logger: Logger): Hooks {
  return {
    beforeRequest: [({ request }) => logger.debug(`→ ${describe(request)}`)],
    afterResponse: [
      ({ request, response }) => logger.debug(`← ${response.status} ${describe(request)}`),
    ],
  };
}
