import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';

import {
  DidNotFoundError,
  DidResolutionError,
  EmailIdentifierError,
  HandleNotInDocumentError,
  IdentityResolver,
} from '../../../runtime/src/identity/index.js';
import { StringFormatError } from '../../../runtime/src/syntax/index.js';
import { startIdentityNetwork } from '../../_util/identity-network.js';
import { createTestAccount, testPds } from '../../_util/pds.js';

import type { IdentityResolverOptions } from '../../../runtime/src/identity/index.js';
import type { IdentityNetwork, Page } from '../../_util/identity-network.js';

const OTHER = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const TTL = 60_000;
const NEGATIVE_TTL = 5_000;

let net: IdentityNetwork;
let clock: number;

beforeAll(async () => {
  net = await startIdentityNetwork();
});

afterAll(() => net.close());

beforeEach(() => {
  net.reset();
  clock = 1_000_000;
});

function createResolver(extra: IdentityResolverOptions = {}): IdentityResolver {
  return new IdentityResolver({
    plcUrl: testPds().plcUrl,
    dnsServers: [net.dns.address],
    fetch: net.routed.fetch,
    allowTestTld: true,
    timeout: 2000,
    cacheTtl: TTL,
    negativeCacheTtl: NEGATIVE_TTL,
    now: () => clock,
    ...extra,
  });
}

function serveDocument(page: Page): void {
  net.pages.set(`${net.localHost}/.well-known/did.json`, page);
}

function webDocument(alsoKnownAs: string[]): Record<string, unknown> {
  const service = { id: '#atproto_pds', type: 'AtprotoPersonalDataServer' };

  return {
    id: net.didWeb,
    alsoKnownAs,
    service: [{ ...service, serviceEndpoint: 'https://pds.example.com' }],
  };
}

function documentRequests(): number {
  return net.web.requests.filter((request) => request.url === '/.well-known/did.json').length;
}

function lookupCount(): number {
  return net.dns.queries.length + net.routed.requests.length;
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.catch((caught: unknown) => caught);
}

describe(IdentityResolver, () => {
  describe('resolve', () => {
    test('resolves a handle on the test PDS to a verified identity', async () => {
      const account = await createTestAccount('ident');

      net.routes.set(account.handle, testPds().url);

      const identity = await createResolver().resolve(account.handle.toUpperCase());

      expect(identity).toMatchObject({
        did: account.did,
        handle: account.handle,
        handleVerified: true,
      });
      expect(identity.pds.href).toBe(new URL(testPds().url).href);
      expect(identity.document.id).toBe(account.did);
    });

    test('resolves a DID on the test PDS and verifies its handle both ways', async () => {
      const account = await createTestAccount('ident');

      net.routes.set(account.handle, testPds().url);

      const identity = await createResolver().resolve(account.did);

      expect(identity).toMatchObject({
        did: account.did,
        handle: account.handle,
        handleVerified: true,
      });
      expect(net.routed.requests.map(String)).toContain(
        `https://${account.handle}/.well-known/atproto-did`,
      );
    });

    test('verifies the handle of a did:web through DNS', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });
      net.dns.zone.set('_atproto.alice.test', [`did=${net.didWeb}`]);

      const identity = await createResolver().resolve(net.didWeb);

      expect(identity).toMatchObject({ handle: 'alice.test', handleVerified: true });
    });

    test('leaves a claimed handle that does not resolve unverified', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });

      const identity = await createResolver().resolve(net.didWeb);

      expect(identity).toMatchObject({ did: net.didWeb, handle: 'alice.test' });
      expect(identity.handleVerified).toBe(false);
      expect(net.dns.queries).toEqual(['_atproto.alice.test']);
    });

    test('leaves a claimed handle that resolves to another DID unverified', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });
      net.dns.zone.set('_atproto.alice.test', [`did=${OTHER}`]);

      const identity = await createResolver().resolve(net.didWeb);

      expect(identity).toMatchObject({ handle: 'alice.test', handleVerified: false });
    });

    test('leaves a claimed handle under a reserved TLD unverified without a lookup', async () => {
      serveDocument({ json: webDocument(['at://handle.invalid']) });

      const identity = await createResolver().resolve(net.didWeb);

      expect(identity).toMatchObject({ handle: 'handle.invalid', handleVerified: false });
      expect(net.dns.queries).toEqual([]);
    });

    test('returns no handle for a document that claims none', async () => {
      serveDocument({ json: webDocument([]) });

      const identity = await createResolver().resolve(net.didWeb);

      expect(identity.handleVerified).toBe(false);
      expect('handle' in identity).toBe(false);
    });

    test('refuses a handle whose DID document claims another one', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });
      net.dns.zone.set('_atproto.mallory.test', [`did=${net.didWeb}`]);

      const error = await failure(createResolver().resolve('mallory.test'));

      expect(error).toBeInstanceOf(HandleNotInDocumentError);
      expect(error).toMatchObject({
        handle: 'mallory.test',
        did: net.didWeb,
        claimed: 'alice.test',
      });
      expect((error as Error).message).toBe(
        `Handle not claimed by its DID: mallory.test (${net.didWeb} claims alice.test)`,
      );
    });

    test('refuses a handle whose DID document claims none', async () => {
      serveDocument({ json: webDocument([]) });
      net.dns.zone.set('_atproto.mallory.test', [`did=${net.didWeb}`]);

      const error = await failure(createResolver().resolve('mallory.test'));

      expect(error).toBeInstanceOf(HandleNotInDocumentError);
      expect((error as Error).message).toBe(
        `Handle not claimed by its DID: mallory.test (${net.didWeb} claims no handle)`,
      );
    });

    test('refuses an email address without a lookup', async () => {
      const error = await failure(createResolver().resolve('alice@example.com'));

      expect(error).toBeInstanceOf(EmailIdentifierError);
      expect((error as Error).message).toBe('Email needs a service: alice@example.com');
      expect(lookupCount()).toBe(0);
    });

    test.each(['@alice.test', 'alice', 'did:plc:', ''])(
      'refuses %j as neither a handle nor a DID',
      async (identifier) => {
        await expect(createResolver().resolve(identifier)).rejects.toThrow(StringFormatError);
        expect(lookupCount()).toBe(0);
      },
    );
  });

  describe('cache', () => {
    test('serves a second resolve within the TTL without a request', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });
      net.dns.zone.set('_atproto.alice.test', [`did=${net.didWeb}`]);

      const resolver = createResolver();

      await resolver.resolve('alice.test');

      const lookups = lookupCount();
      const fetches = net.web.requests.length;

      clock += TTL - 1;

      await expect(resolver.resolve('alice.test')).resolves.toMatchObject({ did: net.didWeb });
      expect(lookupCount()).toBe(lookups);
      expect(net.web.requests.length).toBe(fetches);
    });

    test('looks a handle and a document up again once the TTL has passed', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });
      net.dns.zone.set('_atproto.alice.test', [`did=${net.didWeb}`]);

      const resolver = createResolver();

      await resolver.resolve('alice.test');
      clock += TTL;
      await resolver.resolve('alice.test');

      expect(net.dns.queries).toEqual(['_atproto.alice.test', '_atproto.alice.test']);
      expect(documentRequests()).toBe(2);
    });

    test('sees a changed document once the TTL has passed', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });

      const resolver = createResolver();

      await expect(resolver.resolveDid(net.didWeb)).resolves.toMatchObject({
        handle: 'alice.test',
      });
      serveDocument({ json: webDocument(['at://bob.test']) });
      await expect(resolver.resolveDid(net.didWeb)).resolves.toMatchObject({
        handle: 'alice.test',
      });
      clock += TTL;
      await expect(resolver.resolveDid(net.didWeb)).resolves.toMatchObject({ handle: 'bob.test' });
    });

    test('shares one request between concurrent calls', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });

      const resolver = createResolver();
      const results = await Promise.all([1, 2, 3].map(() => resolver.resolveDid(net.didWeb)));

      expect(results.map((result) => result.did)).toEqual([net.didWeb, net.didWeb, net.didWeb]);
      expect(documentRequests()).toBe(1);
    });

    test('remembers a DID that does not exist for the shorter negative TTL', async () => {
      const resolver = createResolver();

      await expect(resolver.resolveDid(net.didWeb)).rejects.toThrow(DidNotFoundError);
      await expect(resolver.resolveDid(net.didWeb)).rejects.toThrow(DidNotFoundError);
      expect(documentRequests()).toBe(1);

      serveDocument({ json: webDocument(['at://alice.test']) });
      clock += NEGATIVE_TTL;

      await expect(resolver.resolveDid(net.didWeb)).resolves.toMatchObject({ did: net.didWeb });
      expect(documentRequests()).toBe(2);
    });

    test('does not remember a timeout', async () => {
      const resolver = createResolver({ timeout: 200 });

      serveDocument('hang');

      await expect(resolver.resolveDid(net.didWeb)).rejects.toThrow(DidResolutionError);
      await expect(resolver.resolveDid(net.didWeb)).rejects.toThrow(DidResolutionError);
      expect(documentRequests()).toBe(2);
    });

    test('looks up every time with a TTL of 0', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });

      const resolver = createResolver({ cacheTtl: 0 });

      await resolver.resolveDid(net.didWeb);
      await resolver.resolveDid(net.didWeb);

      expect(documentRequests()).toBe(2);
    });

    test('forgets everything on clearCache', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });

      const resolver = createResolver();

      await resolver.resolveDid(net.didWeb);
      resolver.clearCache();
      await resolver.resolveDid(net.didWeb);

      expect(documentRequests()).toBe(2);
    });

    test('lets one caller abort while another receives the shared result', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });

      const resolver = createResolver();
      const reason = new Error('Caller gave up');
      const aborted = resolver.resolveDid(net.didWeb, { signal: AbortSignal.abort(reason) });
      const waiting = resolver.resolveDid(net.didWeb);

      await expect(aborted).rejects.toBe(reason);
      await expect(waiting).resolves.toMatchObject({ did: net.didWeb });
      expect(documentRequests()).toBe(1);
    });

    test('hands out a PDS URL that callers cannot change in the cache', async () => {
      serveDocument({ json: webDocument(['at://alice.test']) });

      const resolver = createResolver();
      const first = await resolver.resolve(net.didWeb);

      first.pds.hostname = 'evil.example.com';
      (await resolver.resolveDid(net.didWeb)).pds.port = '8443';

      const second = await resolver.resolve(net.didWeb);

      expect(second.pds.href).toBe('https://pds.example.com/');
    });
  });
});
