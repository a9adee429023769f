// A small stand-in for a PDS on loopback, for what the reference PDS cannot be made to do on
// demand: refuse a token the client believes valid, fail a refresh with a 5xx or a reset
// connection, answer for another DID, or ask for an auth factor token.
import { sendJson, startLoopbackServer } from '../../_util/loopback-server.js';

import type { ServerResponse } from 'node:http';
import type { AtpSessionData } from '../../../runtime/src/session/index.js';
import type { LoopbackServer, ReceivedRequest } from '../../_util/loopback-server.js';

export const FAKE_DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
export const FAKE_HANDLE = 'alice.test';
export const FAKE_PASSWORD = 'fake-password-7f3a';

/** Answers one request; `pds` gives the default behaviour to fall back on. */
export type FakeRoute = (request: ReceivedRequest, response: ServerResponse, pds: FakePds) => void;

/** A loopback server issuing numbered tokens: only the latest pair is accepted. */
export interface FakePds {
  readonly url: string;
  readonly server: LoopbackServer;
  /** The number of the latest token pair; pair 0 exists from the start. */
  generation: number;
  /** Whether the latest access token is refused as expired, as after its two hours. */
  accessExpired: boolean;
  /** The session of a generation, as createSession or refreshSession answer it. */
  session(generation?: number): AtpSessionData;
  /** The default behaviour of a method. */
  answer(request: ReceivedRequest, response: ServerResponse): void;
  /** The NSIDs of the requests received so far. */
  nsids(): string[];
  close(): Promise<void>;
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT-shaped token with the given claims and a meaningless signature. */
export function fakeJwt(claims: Record<string, unknown>): string {
  return `${encode({ alg: 'HS256', typ: 'at+jwt' })}.${encode(claims)}.ZmFrZQ`;
}

function tokens(generation: number): { accessJwt: string; refreshJwt: string } {
  const iat = Math.floor(Date.now() / 1000);
  const claims = { sub: FAKE_DID, iat, jti: `g${generation}` };

  return {
    accessJwt: fakeJwt({ ...claims, scope: 'com.atproto.access', exp: iat + 7200 }),
    refreshJwt: fakeJwt({ ...claims, scope: 'com.atproto.refresh', exp: iat + 7_776_000 }),
  };
}

function bearerGeneration(request: ReceivedRequest): number | undefined {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  const payload = match?.[1]?.split('.')[1];

  if (payload === undefined) return undefined;

  const { jti } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { jti: string };

  return Number(jti.slice(1));
}

function nsidOf(request: ReceivedRequest): string {
  return new URL(request.url, 'http://x').pathname.slice('/xrpc/'.length);
}

function issue(pds: FakePds, response: ServerResponse): void {
  pds.generation += 1;
  pds.accessExpired = false;
  sendJson(response, 200, pds.session());
}

function error(response: ServerResponse, status: number, name: string, message: string): void {
  sendJson(response, status, { error: name, message });
}

const DEFAULT_ROUTES: Readonly<Record<string, FakeRoute>> = {
  'com.atproto.server.createSession': (request, response, pds) => {
    const { password } = JSON.parse(request.body.toString('utf8')) as { password: string };

    if (password === FAKE_PASSWORD) return issue(pds, response);

    error(response, 401, 'AuthenticationRequired', 'Invalid identifier or password');
  },
  'com.atproto.server.refreshSession': (request, response, pds) => {
    if (bearerGeneration(request) === pds.generation) return issue(pds, response);

    error(response, 400, 'ExpiredToken', 'Token has been revoked');
  },
  'com.atproto.server.deleteSession': (_request, response) => void response.writeHead(200).end(),
};

// Every other method: served to the latest access token only.
const authenticatedRoute: FakeRoute = (request, response, pds) => {
  const generation = bearerGeneration(request);

  if (generation === undefined) {
    return error(response, 401, 'AuthMissing', 'Authentication Required');
  }

  if (generation !== pds.generation || pds.accessExpired) {
    return error(response, 400, 'ExpiredToken', 'Token has expired');
  }

  sendJson(response, 200, { did: FAKE_DID, handle: FAKE_HANDLE, active: true });
};

function defaultAnswer(pds: FakePds, request: ReceivedRequest, response: ServerResponse): void {
  const route = DEFAULT_ROUTES[nsidOf(request)] ?? authenticatedRoute;

  route(request, response, pds);
}

/** Starts a fake PDS; `routes` replace the default behaviour of some methods. */
export async function startFakePds(routes: Record<string, FakeRoute> = {}): Promise<FakePds> {
  const issued = new Map<number, { accessJwt: string; refreshJwt: string }>();
  const server = await startLoopbackServer((request, response) => {
    const route = routes[nsidOf(request)];

    if (route === undefined) pds.answer(request, response);
    else route(request, response, pds);
  });
  const pds: FakePds = {
    url: server.url,
    server,
    generation: 0,
    accessExpired: false,
    session(generation = pds.generation) {
      const pair = issued.get(generation) ?? tokens(generation);

      issued.set(generation, pair);

      return { ...pair, did: FAKE_DID, handle: FAKE_HANDLE, active: true };
    },
    answer: (request, response) => defaultAnswer(pds, request, response),
    nsids: () => server.requests.map(nsidOf),
    close: () => server.close(),
  };

  return pds;
}
