import { describe, expect, test } from '@jest/globals';
import { Client } from '@lexforge/api';
import {
  AtpClient,
  DEFAULT_PUBLIC_APPVIEW,
  EmailIdentifierError,
  IdentityResolver,
  withIdentityResolver,
} from '@lexforge/runtime';

import { createTestAccount, testPds } from '../../_util/pds.js';
import { routedFetch } from '../../_util/routed-fetch.js';

function resolver(): IdentityResolver {
  const pds = new URL(testPds().url);
  // the test PDS answers /.well-known/atproto-did for its own handles, by the Host header
  const routed = routedFetch((url) => (url.protocol === 'https:' ? pds.origin : undefined));

  return new IdentityResolver({
    plcUrl: testPds().plcUrl,
    fetch: routed.fetch,
    allowTestTld: true,
  });
}

describe('Client without a service', () => {
  test('logs in with a handle, resolving the account to its PDS first', async () => {
    const account = await createTestAccount('nosvc');
    const client = new Client({ identityResolver: resolver() });
    const session = await client.authenticate(account.handle, account.password);
    const { data } = await client.com.atproto.server.getSession().response();

    expect(session.did).toBe(account.did);
    expect(client.service.origin).toBe(new URL(testPds().url).origin);
    expect(client.identity).toMatchObject({
      did: account.did,
      handle: account.handle,
      handleVerified: true,
    });
    expect(data.handle).toBe(account.handle);
  });

  test('logs in with a DID and reports the handle verified both ways', async () => {
    const account = await createTestAccount('nosvcdid');
    const client = new Client({ identityResolver: resolver() });

    await client.authenticate(account.did, account.password);

    expect(client.identity).toMatchObject({ handle: account.handle, handleVerified: true });
  });

  test('logs in with a DID given only the PLC directory', async () => {
    const account = await createTestAccount('plconly');
    const client = new Client({ plcUrl: testPds().plcUrl });

    await client.authenticate(account.did, account.password);

    expect(client.service.origin).toBe(new URL(testPds().url).origin);
    // a .test handle cannot be looked up without the test's routing, so it stays unverified
    expect(client.identity).toMatchObject({
      did: account.did,
      handle: account.handle,
      handleVerified: false,
    });
  });

  test('sends unauthenticated calls to the public AppView until it knows better', () => {
    expect(new Client().service.href).toBe(new URL(DEFAULT_PUBLIC_APPVIEW).href);
    expect(new Client({ publicAppView: 'https://appview.example' }).service.origin).toBe(
      'https://appview.example',
    );
  });

  test('refuses an email address without a service, before any request', async () => {
    const routed = routedFetch(() => undefined);
    const client = new Client({
      identityResolver: new IdentityResolver({ fetch: routed.fetch }),
      fetch: routed.fetch,
    });
    const error = await client
      .authenticate('alice@example.com', 'secret')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EmailIdentifierError);
    expect(routed.requests).toEqual([]);
    expect(String(error)).not.toContain('secret');
  });
});

describe('AtpClient without a service', () => {
  test('refuses to log in without an identity resolver, before any request', async () => {
    const routed = routedFetch(() => undefined);
    const client = new AtpClient({ fetch: routed.fetch });
    const error = await client
      .authenticate('alice.test', 'secret')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(
      /^TypeError: Cannot find the PDS without a service: .*identityResolver/,
    );
    expect(String(error)).not.toContain('secret');
    expect(routed.requests).toEqual([]);
  });

  test('logs in through the resolver withIdentityResolver adds', async () => {
    const account = await createTestAccount('addedres');
    const client = new AtpClient(withIdentityResolver({ plcUrl: testPds().plcUrl }));

    await client.authenticate(account.did, account.password);

    expect(client.service.origin).toBe(new URL(testPds().url).origin);
  });
});

describe(withIdentityResolver, () => {
  test('leaves options with a service or a resolver as they are', () => {
    const withService = { service: 'https://pds.example' };
    const withResolver = { identityResolver: new IdentityResolver() };

    expect(withIdentityResolver(withService)).toBe(withService);
    expect(withIdentityResolver(withResolver)).toBe(withResolver);
    expect(withIdentityResolver({}).identityResolver).toBeInstanceOf(IdentityResolver);
  });
});
