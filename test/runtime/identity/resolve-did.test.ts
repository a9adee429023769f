import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';

import {
  DidDocumentInvalidError,
  DidNotFoundError,
  DidResolutionError,
  UnsupportedDidMethodError,
  resolveDid,
} from '../../../runtime/src/identity/index.js';
import { StringFormatError } from '../../../runtime/src/syntax/index.js';
import { startIdentityNetwork } from '../../_util/identity-network.js';
import { createTestAccount, testPds } from '../../_util/pds.js';

import type { ResolveDidOptions } from '../../../runtime/src/identity/index.js';
import type { IdentityNetwork, Page } from '../../_util/identity-network.js';

let net: IdentityNetwork;

beforeAll(async () => {
  net = await startIdentityNetwork();
});

afterAll(() => net.close());

beforeEach(() => net.reset());

function options(extra: ResolveDidOptions = {}): ResolveDidOptions {
  return { plcUrl: testPds().plcUrl, fetch: net.routed.fetch, timeout: 2000, ...extra };
}

function webDocument(members: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: net.didWeb,
    alsoKnownAs: ['at://alice.test'],
    verificationMethod: [
      {
        id: `${net.didWeb}#atproto`,
        type: 'Multikey',
        controller: net.didWeb,
        publicKeyMultibase: 'zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF',
      },
    ],
    service: [pdsService('https://pds.example.com')],
    ...members,
  };
}

function pdsService(serviceEndpoint: unknown, id = '#atproto_pds'): Record<string, unknown> {
  return { id, type: 'AtprotoPersonalDataServer', serviceEndpoint };
}

function serveDocument(page: Page): void {
  net.pages.set(`${net.localHost}/.well-known/did.json`, page);
}

async function failure(did: string, extra: ResolveDidOptions = {}): Promise<unknown> {
  return resolveDid(did, options(extra)).catch((caught: unknown) => caught);
}

describe(resolveDid, () => {
  test('resolves a did:plc through the PLC directory to its PDS and handle', async () => {
    const account = await createTestAccount('plc');
    const resolution = await resolveDid(account.did, options());

    expect(resolution.did).toBe(account.did);
    expect(resolution.pds.href).toBe(new URL(testPds().url).href);
    expect(resolution.handle).toBe(account.handle);
    expect(resolution.document.id).toBe(account.did);
  });

  test('accepts a PLC directory URL with a trailing slash', async () => {
    const account = await createTestAccount('plc');
    const resolution = await resolveDid(account.did, options({ plcUrl: `${testPds().plcUrl}/` }));

    expect(resolution.did).toBe(account.did);
  });

  test('reports a did:plc the directory does not know', async () => {
    const did = 'did:plc:zzzzzzzzzzzzzzzzzzzzzzzz';
    const error = await failure(did);

    expect(error).toBeInstanceOf(DidNotFoundError);
    expect(error).toMatchObject({ did, status: 404, retryable: false });
    expect((error as Error).message).toBe(
      `DID not found: ${did} (HTTP 404 from ${testPds().plcUrl}/${did})`,
    );
  });

  test('resolves a did:web on localhost with a port over plain HTTP', async () => {
    serveDocument({ json: webDocument() });

    const resolution = await resolveDid(net.didWeb, options());

    expect(resolution).toMatchObject({ did: net.didWeb, handle: 'alice.test' });
    expect(resolution.pds.href).toBe('https://pds.example.com/');
    expect(resolution.document.verificationMethod?.[0]?.type).toBe('Multikey');
    expect(net.web.requests.map((request) => request.url)).toEqual(['/.well-known/did.json']);
    expect(net.web.requests[0]?.headers.host).toBe(net.localHost);
  });

  test.each([
    { name: 'the DID alone', id: '#atproto_pds' },
    { name: 'the DID in full', id: 'FULL' },
  ])('finds the PDS service by an id naming $name', async ({ id }) => {
    const service = pdsService(
      'https://pds.example.com',
      id === 'FULL' ? `${net.didWeb}#atproto_pds` : id,
    );

    serveDocument({ json: webDocument({ service: [service] }) });

    await expect(resolveDid(net.didWeb, options())).resolves.toMatchObject({ did: net.didWeb });
  });

  test('takes the first atproto PDS service and ignores the others', async () => {
    const labeler = { id: '#atproto_labeler', type: 'AtprotoLabeler', serviceEndpoint: 'x' };
    const services = [
      labeler,
      pdsService('https://one.example.com'),
      pdsService('https://two.example.com'),
    ];

    serveDocument({ json: webDocument({ service: services }) });

    const resolution = await resolveDid(net.didWeb, options());

    expect(resolution.pds.href).toBe('https://one.example.com/');
  });

  test.each([
    { name: 'localhost', endpoint: 'http://localhost:2583', pds: 'http://localhost:2583/' },
    { name: '127.0.0.1', endpoint: 'http://127.0.0.1:2583', pds: 'http://127.0.0.1:2583/' },
    { name: '[::1]', endpoint: 'http://[::1]:2583', pds: 'http://[::1]:2583/' },
  ])('accepts a plain HTTP PDS on $name', async ({ endpoint, pds }) => {
    serveDocument({ json: webDocument({ service: [pdsService(endpoint)] }) });

    const resolution = await resolveDid(net.didWeb, options());

    expect(resolution.pds.href).toBe(pds);
  });

  test.each([
    {
      name: 'another DID as its id',
      members: { id: 'did:web:example.com' },
      reason: 'id-mismatch',
    },
    { name: 'no service', members: { service: undefined }, reason: 'no-pds' },
    { name: 'an empty service list', members: { service: [] }, reason: 'no-pds' },
    {
      name: 'a PDS service of another type',
      members: {
        service: [{ id: '#atproto_pds', type: 'Other', serviceEndpoint: 'https://a.com' }],
      },
      reason: 'no-pds',
    },
    {
      name: 'a PDS service under another id',
      members: { service: [pdsService('https://pds.example.com', '#pds')] },
      reason: 'no-pds',
    },
    {
      name: 'a plain HTTP PDS on a public host',
      members: { service: [pdsService('http://pds.example.com')] },
      reason: 'bad-pds-url',
    },
    {
      name: 'a PDS URL with a path',
      members: { service: [pdsService('https://pds.example.com/xrpc')] },
      reason: 'bad-pds-url',
    },
    {
      name: 'a PDS URL with credentials',
      members: { service: [pdsService('https://user:pw@pds.example.com')] },
      reason: 'bad-pds-url',
    },
    {
      name: 'a PDS endpoint that is not a URL',
      members: { service: [pdsService('pds.example.com')] },
      reason: 'bad-pds-url',
    },
    {
      name: 'a PDS endpoint that is a map',
      members: { service: [pdsService({ uri: 'https://pds.example.com' })] },
      reason: 'bad-pds-url',
    },
    { name: 'an id that is not a string', members: { id: 42 }, reason: 'malformed' },
    {
      name: 'alsoKnownAs that is not a list',
      members: { alsoKnownAs: 'at://a.test' },
      reason: 'malformed',
    },
    {
      name: 'a service without an id',
      members: {
        service: [{ type: 'AtprotoPersonalDataServer', serviceEndpoint: 'https://a.com' }],
      },
      reason: 'malformed',
    },
  ])('refuses a document with $name', async ({ members, reason }) => {
    serveDocument({ json: webDocument(members) });

    const error = await failure(net.didWeb);

    expect(error).toBeInstanceOf(DidDocumentInvalidError);
    expect(error).toMatchObject({ did: net.didWeb, reason });
    expect((error as Error).message).toContain(net.didWeb);
  });

  test('names both DIDs when the document is about another one', async () => {
    serveDocument({ json: webDocument({ id: 'did:web:example.com' }) });

    const error = await failure(net.didWeb);

    expect((error as Error).message).toBe(
      `DID document names another DID: ${net.didWeb} (id did:web:example.com)`,
    );
  });

  test('refuses a body that is not JSON', async () => {
    serveDocument({ text: '<html>hello</html>' });

    const error = await failure(net.didWeb);

    expect(error).toBeInstanceOf(DidDocumentInvalidError);
    expect(error).toMatchObject({ reason: 'malformed', detail: 'body is not JSON' });
  });

  test('refuses a body larger than a DID document can reasonably be', async () => {
    serveDocument({ json: webDocument({ padding: 'x'.repeat(200_000) }) });

    const error = await failure(net.didWeb);

    expect(error).toMatchObject({ reason: 'malformed', detail: 'body too large' });
  });

  test.each([
    { name: 'none', alsoKnownAs: [], handle: undefined },
    {
      name: 'the first valid one',
      alsoKnownAs: ['at://alice.test', 'at://bob.test'],
      handle: 'alice.test',
    },
    { name: 'one in lower case', alsoKnownAs: ['at://Alice.Test'], handle: 'alice.test' },
    {
      name: 'one after entries that are not handles',
      alsoKnownAs: ['https://alice.test', 'at://alice.test/app.bsky.feed.post/1', 'at://bob.test'],
      handle: 'bob.test',
    },
  ])('reads $name as the claimed handle', async ({ alsoKnownAs, handle }) => {
    serveDocument({ json: webDocument({ alsoKnownAs }) });

    const resolution = await resolveDid(net.didWeb, options());

    expect(resolution.handle).toBe(handle);
    expect('handle' in resolution).toBe(handle !== undefined);
  });

  test('reports a did:web host without a document', async () => {
    const error = await failure(net.didWeb);

    expect(error).toBeInstanceOf(DidNotFoundError);
    expect(error).toMatchObject({ status: 404 });
  });

  test('reports a server error as retryable', async () => {
    serveDocument({ status: 503, text: 'Busy' });

    const error = await failure(net.didWeb);

    expect(error).toBeInstanceOf(DidResolutionError);
    expect(error).toMatchObject({ reason: 'status', status: 503, retryable: true });
  });

  test('times out when the host does not answer', async () => {
    serveDocument('hang');

    const error = await failure(net.didWeb, { timeout: 200 });

    expect(error).toBeInstanceOf(DidResolutionError);
    expect(error).toMatchObject({ reason: 'timeout', retryable: true });
    const url = `http://${net.localHost}/.well-known/did.json`;

    expect((error as Error).message).toBe(
      `DID document request timed out: ${net.didWeb} (200 ms, ${url})`,
    );
  });

  test('reports a host that refuses connections as a network failure', async () => {
    const closed = await startIdentityNetwork();
    const did = closed.didWeb;

    await closed.close();

    const error = await failure(did);

    expect(error).toBeInstanceOf(DidResolutionError);
    expect(error).toMatchObject({ reason: 'network', retryable: true });
  });

  test('refuses a DID of another method without a request', async () => {
    const did = 'did:key:zQ3shZc2QzApp2oymGvQbzP8eKheVshBHbU4ZYjeXqwSKEn6N';
    const error = await failure(did);

    expect(error).toBeInstanceOf(UnsupportedDidMethodError);
    expect(error).toMatchObject({ did, method: 'key' });
    expect((error as Error).message).toBe(`Unsupported DID method: ${did}`);
    expect(net.routed.requests).toEqual([]);
  });

  test.each([
    { name: 'a did:web with a path', did: 'did:web:example.com:alice' },
    { name: 'a did:web with a port on a public host', did: 'did:web:example.com%3A8443' },
    { name: 'a did:web under a reserved TLD', did: 'did:web:laptop.local' },
    { name: 'a did:web under .test by default', did: 'did:web:alice.test' },
    { name: 'a did:web with upper-case letters', did: 'did:web:Example.com' },
    { name: 'a did:web on an IP address', did: 'did:web:127.0.0.1' },
    { name: 'a did:web with other percent-encoding', did: 'did:web:exa%6Dple.com' },
    { name: 'a did:web on localhost with a bad port', did: 'did:web:localhost%3A99999' },
    { name: 'a did:plc of the wrong length', did: 'did:plc:abc' },
    { name: 'a did:plc in upper case', did: 'did:plc:EWVI7NXZYOUN6ZHXRHS64OIZ' },
  ])('refuses $name without a request', async ({ did }) => {
    const error = await failure(did);

    expect(error).toBeInstanceOf(DidResolutionError);
    expect(error).toMatchObject({ did, reason: 'invalid', retryable: false });
    expect(net.routed.requests).toEqual([]);
  });

  test.each(['alice.test', 'did:plc', 'DID:plc:ewvi7nxzyoun6zhxrhs64oiz'])(
    'refuses %j as not a DID',
    async (input) => {
      await expect(resolveDid(input, options())).rejects.toThrow(StringFormatError);
      expect(net.routed.requests).toEqual([]);
    },
  );
});
