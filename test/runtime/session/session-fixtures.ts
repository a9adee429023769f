// Shared set-up of the session tests: clients whose requests are counted by NSID, accounts on the
// test PDS turned into saved sessions, and raw XRPC calls that bypass the client under test.
import { jest } from '@jest/globals';

import { AtpClient } from '../../../runtime/src/session/index.js';
import { testPds } from '../../_util/pds.js';

import type { Hooks } from 'ky';
import type {
  AtpClientOptions,
  AtpSessionData,
  SessionEvent,
} from '../../../runtime/src/session/index.js';
import type { TestAccount } from '../../_util/pds.js';

const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * Sets the clock the client reads its tokens' expiry against, leaving every timer real so that
 * requests still run; `jest.useRealTimers()` puts the real clock back.
 */
export function setClock(now: number): void {
  jest.useFakeTimers({ now, doNotFake: [...REAL_TIMERS] });
}

/** Counts the requests a client sends, by the NSID in their URL. */
export interface CallCounter {
  readonly hooks: Hooks;
  readonly nsids: string[];
  count(nsid: string): number;
}

/** Returns ky hooks that record the NSID of every request, replays included. */
export function callCounter(): CallCounter {
  const nsids: string[] = [];
  const hooks: Hooks = {
    beforeRequest: [({ request }) => void nsids.push(new URL(request.url).pathname.slice(6))],
  };

  return { hooks, nsids, count: (nsid) => nsids.filter((name) => name === nsid).length };
}

/** A change the client reported through `onSessionChange`. */
export interface RecordedEvent {
  readonly event: SessionEvent;
  readonly session: AtpSessionData;
}

/** A client on the test PDS whose requests are counted and whose session changes are recorded. */
export function countedClient(options: Partial<AtpClientOptions> = {}): {
  client: AtpClient;
  calls: CallCounter;
  events: RecordedEvent[];
} {
  const calls = callCounter();
  const events: RecordedEvent[] = [];
  const client = new AtpClient({
    service: testPds().url,
    hooks: calls.hooks,
    onSessionChange: (event, session) => void events.push({ event, session }),
    ...options,
  });

  return { client, calls, events };
}

/** The session an account's creation returned, as a client would have saved it. */
export function savedSession(account: TestAccount, tokens: Partial<AtpSessionData> = {}) {
  const { accessJwt, refreshJwt, handle, did } = account;

  return { accessJwt, refreshJwt, handle, did, ...tokens } satisfies AtpSessionData;
}

/**
 * What `createAccount` answered for an account, as another tool would have saved it: the session
 * with its DID document (this PDS leaves it out of `createSession` and `refreshSession`), its
 * email address, and an extra field.
 */
export function accountOutput(account: TestAccount): AtpSessionData {
  const { password: _password, ...output } = account as TestAccount & { didDoc: object };

  return { ...output, savedBy: 'another tool' } as AtpSessionData;
}

/** Calls a session method with a bearer token, bypassing every client; returns status and body. */
export async function rawCall(
  nsid: string,
  token: string,
  method: 'GET' | 'POST' = 'POST',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${testPds().url}/xrpc/${nsid}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();

  return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
}

/** The secrets of an account and of any sessions derived from it, to search outputs for. */
export function secretsOf(account: TestAccount, ...sessions: AtpSessionData[]): string[] {
  const tokens = sessions.flatMap(({ accessJwt, refreshJwt }) => [accessJwt, refreshJwt]);

  return [account.password, account.accessJwt, account.refreshJwt, ...tokens];
}
