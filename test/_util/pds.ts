import { randomBytes } from 'node:crypto';

import { signToken } from '../../codegen/src/local-network.ts';
import { PDS_ENV } from './global-setup.js';

export { appViewProxyHeader, describeWithAppView, processAll, testAppView } from './appview.js';
export type { TestAppView } from './appview.js';

/** The reference PDS booted once per jest run by the global setup. */
export interface TestPds {
  url: string;
  plcUrl: string;
}

/** A fresh account on the test PDS, with the session its creation returned. */
export interface TestAccount {
  handle: string;
  email: string;
  password: string;
  did: string;
  accessJwt: string;
  refreshJwt: string;
}

let accountCounter = 0;

function requireEnv(name: string): string {
  const value = process.env[name];

  if (value === undefined || value === '') {
    throw new Error(
      `Test network not booted: ${name} is unset (is jest's globalSetup configured?)`,
    );
  }

  return value;
}

/** Returns the addresses of the test PDS and PLC. */
export function testPds(): TestPds {
  return { url: requireEnv(PDS_ENV.url), plcUrl: requireEnv(PDS_ENV.plcUrl) };
}

/** Creates an account with a unique `.test` handle through raw XRPC. */
export async function createTestAccount(prefix = 'user'): Promise<TestAccount> {
  accountCounter += 1;
  // @NOTE the PDS refuses a first handle label longer than 18 characters
  const unique = `${process.pid % 10_000}x${accountCounter}${randomBytes(2).toString('hex')}`;
  const name = `${prefix.slice(0, 6)}${unique}`;
  const handle = `${name}.test`;
  const email = `${name}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const response = await fetch(`${testPds().url}/xrpc/com.atproto.server.createAccount`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, email, password }),
  });

  if (!response.ok) {
    throw new Error(`Test account not created: ${response.status} ${await response.text()}`);
  }

  const session = (await response.json()) as { did: string; accessJwt: string; refreshJwt: string };

  return { handle, email, password, ...session };
}

/**
 * Re-signs a PDS token with changed claims (HS256 with the test PDS secret), e.g. an `exp` in the
 * past to get a token the server answers with `ExpiredToken`.
 */
export function mintToken(jwt: string, claims: Record<string, unknown>): string {
  return signToken(jwt, claims, requireEnv(PDS_ENV.jwtSecret));
}

/** Returns a copy of `jwt` that expired `secondsAgo` seconds ago. */
export function expiredToken(jwt: string, secondsAgo = 60): string {
  return mintToken(jwt, { exp: Math.floor(Date.now() / 1000) - secondsAgo });
}
