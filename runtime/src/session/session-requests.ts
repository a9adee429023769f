import * as createSession from '../lexicons/com/atproto/server/createSession.js';
import * as deleteSession from '../lexicons/com/atproto/server/deleteSession.js';
import * as refreshSession from '../lexicons/com/atproto/server/refreshSession.js';
import { copySessionData } from './atp-session-data.js';

import type { XrpcClient } from '../xrpc/xrpc-client.js';
import type { AtpSessionData } from './atp-session-data.js';

/** What `createSession` needs to log in. */
export interface Credentials {
  readonly identifier: string;
  readonly password: string;
  readonly authFactorToken?: string | undefined;
  readonly allowTakendown?: boolean | undefined;
}

/** The NSIDs of the methods the session itself calls, which never trigger a refresh. */
export const SESSION_METHODS: ReadonlySet<string> = new Set([
  createSession.NSID,
  refreshSession.NSID,
  deleteSession.NSID,
]);

function bearer(token: string): HeadersInit {
  return { authorization: `Bearer ${token}` };
}

/** Logs in with credentials. */
export async function requestCreate(
  client: XrpcClient,
  credentials: Credentials,
): Promise<AtpSessionData> {
  const { identifier, password, authFactorToken, allowTakendown } = credentials;
  const input: createSession.Input = { identifier, password };

  if (authFactorToken !== undefined) input.authFactorToken = authFactorToken;
  if (allowTakendown !== undefined) input.allowTakendown = allowTakendown;

  const { data } = await client.call(createSession.method, { input });

  return copySessionData(data);
}

/** Trades a refresh token for new tokens. */
export async function requestRefresh(
  client: XrpcClient,
  refreshJwt: string,
): Promise<AtpSessionData> {
  const { data } = await client.call(refreshSession.method, { headers: bearer(refreshJwt) });

  return copySessionData(data);
}

/** Revokes a session on the server through its refresh token. */
export async function requestDelete(client: XrpcClient, refreshJwt: string): Promise<void> {
  await client.call(deleteSession.method, { headers: bearer(refreshJwt) });
}
