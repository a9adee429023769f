import { createServer } from 'node:http';

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the loopback server received it, raw URL and body included. */
export interface ReceivedRequest {
  method: string;
  /** The raw request target, e.g. `/xrpc/com.example.get?tag=a&tag=b`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** When it arrived, from `performance.now()`. */
  at: number;
}

/** Answers one request; `index` counts requests from 0. */
export type LoopbackHandler = (
  request: ReceivedRequest,
  response: ServerResponse,
  index: number,
) => void | Promise<void>;

/** A `node:http` server on 127.0.0.1 and a random port, recording every request. */
export interface LoopbackServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

async function readRequest(message: IncomingMessage): Promise<ReceivedRequest> {
  const at = performance.now();
  const chunks: Buffer[] = [];

  for await (const chunk of message) chunks.push(chunk as Buffer);

  return {
    method: message.method ?? '',
    url: message.url ?? '',
    headers: message.headers,
    body: Buffer.concat(chunks),
    at,
  };
}

/** Starts a loopback server that records each request, then lets `handler` answer it. */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((message, response) => {
    void readRequest(message).then((request) => {
      requests.push(request);

      return handler(request, response, requests.length - 1);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return { url: `http://127.0.0.1:${port}`, requests, close };
}

/** Answers with a JSON body and optional extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
