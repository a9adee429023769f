import { describe, expect, test } from '@jest/globals';

import { createTestAccount, expiredToken, testPds } from './pds.js';

async function getSession(accessJwt: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${testPds().url}/xrpc/com.atproto.server.getSession`, {
    headers: { authorization: `Bearer ${accessJwt}` },
  });

  return { status: response.status, body: await response.json() };
}

describe('test PDS harness', () => {
  test('creates an account, logs in with raw fetch and sees getSession answer', async () => {
    const account = await createTestAccount('smoke');
    const login = await fetch(`${testPds().url}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: account.handle, password: account.password }),
    });
    const session = (await login.json()) as { accessJwt: string; did: string };

    expect(login.status).toBe(200);
    expect(session.did).toBe(account.did);

    const answer = await getSession(session.accessJwt);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ did: account.did, handle: account.handle });
  });

  test('mints an expired access token the PDS refuses with ExpiredToken', async () => {
    const account = await createTestAccount('expiry');
    const answer = await getSession(expiredToken(account.accessJwt));

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'ExpiredToken' });
  });
});
