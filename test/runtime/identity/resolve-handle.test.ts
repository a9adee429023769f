import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';

import {
  HandleConflictError,
  HandleResolutionError,
  resolveHandle,
} from '../../../runtime/src/identity/index.js';
import { StringFormatError } from '../../../runtime/src/syntax/index.js';
import { startIdentityNetwork } from '../../_util/identity-network.js';
import { createTestAccount, testPds } from '../../_util/pds.js';

import type { ResolveHandleOptions } from '../../../runtime/src/identity/index.js';
import type { IdentityNetwork, Page } from '../../_util/identity-network.js';

const ALICE = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const BOB = 'did:plc:bbbbbbbbbbbbbbbbbbbbbbbb';

let net: IdentityNetwork;

beforeAll(async () => {
  net = await startIdentityNetwork();
});

afterAll(() => net.close());

beforeEach(() => net.reset());

function options(extra: ResolveHandleOptions = {}): ResolveHandleOptions {
  return {
    dnsServers: [net.dns.address],
    fetch: net.routed.fetch,
    allowTestTld: true,
    timeout: 2000,
    ...extra,
  };
}

function setTxt(handle: string, ...records: string[]): void {
  net.dns.zone.set(`_atproto.${handle}`, records);
}

function setWellKnown(handle: string, page: Page): void {
  net.pages.set(`${handle}/.well-known/atproto-did`, page);
}

function lookupCount(): number {
  return net.dns.queries.length + net.routed.requests.length;
}

describe(resolveHandle, () => {
  test('resolves a handle through its DNS TXT record', async () => {
    setTxt('alice.test', `did=${ALICE}`);

    await expect(resolveHandle('alice.test', options())).resolves.toBe(ALICE);
    expect(net.dns.queries).toEqual(['_atproto.alice.test']);
  });

  test('ignores TXT records that do not start with did=', async () => {
    setTxt('alice.test', 'v=spf1 -all', `did=${ALICE}`, 'did:plc:notarecord', 'did=not-a-did');

    await expect(resolveHandle('alice.test', options())).resolves.toBe(ALICE);
  });

  test('joins the character strings of a TXT record longer than 255 bytes', async () => {
    const longDid = `did:example:${'x'.repeat(400)}`;

    setTxt('alice.test', `did=${longDid}`);

    await expect(resolveHandle('alice.test', options())).resolves.toBe(longDid);
  });

  test('accepts the same DID in several records', async () => {
    setTxt('alice.test', `did=${ALICE}`, `did=${ALICE}`);

    await expect(resolveHandle('alice.test', options())).resolves.toBe(ALICE);
  });

  test('fails when DNS names several different DIDs', async () => {
    setTxt('alice.test', `did=${ALICE}`, `did=${BOB}`);

    const error = await resolveHandle('alice.test', options()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HandleConflictError);
    expect(error).toMatchObject({
      handle: 'alice.test',
      answers: [
        { method: 'dns', did: ALICE },
        { method: 'dns', did: BOB },
      ],
    });
  });

  test('resolves through the well-known endpoint of the handle, trimming whitespace', async () => {
    setWellKnown('alice.test', { text: `  ${ALICE}\n` });

    await expect(resolveHandle('alice.test', options())).resolves.toBe(ALICE);
    expect(net.routed.requests.map(String)).toEqual(['https://alice.test/.well-known/atproto-did']);
  });

  test('reports DNS and HTTPS answers that disagree, naming both', async () => {
    setTxt('alice.test', `did=${ALICE}`);
    setWellKnown('alice.test', { text: BOB });

    const error = await resolveHandle('alice.test', options()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HandleConflictError);
    expect(error).toMatchObject({
      answers: [
        { method: 'dns', did: ALICE },
        { method: 'https', did: BOB },
      ],
    });
    expect((error as Error).message).toBe(
      `Handle resolves to several DIDs: alice.test (DNS ${ALICE}, HTTPS ${BOB})`,
    );
  });

  test('accepts DNS and HTTPS answers that agree', async () => {
    setTxt('alice.test', `did=${ALICE}`);
    setWellKnown('alice.test', { text: ALICE });

    await expect(resolveHandle('alice.test', options())).resolves.toBe(ALICE);
  });

  test('uses the DNS answer when the well-known endpoint fails', async () => {
    setTxt('alice.test', `did=${ALICE}`);
    setWellKnown('alice.test', { status: 500, text: BOB });

    await expect(resolveHandle('alice.test', options())).resolves.toBe(ALICE);
  });

  test('uses the HTTPS answer when the name has no TXT record', async () => {
    setWellKnown('alice.test', { text: ALICE });

    await expect(resolveHandle('alice.test', options())).resolves.toBe(ALICE);
    expect(net.dns.queries).toEqual(['_atproto.alice.test']);
  });

  test('uses the DNS answer when the well-known endpoint hangs until the timeout', async () => {
    setTxt('alice.test', `did=${ALICE}`);
    setWellKnown('alice.test', 'hang');

    await expect(resolveHandle('alice.test', options({ timeout: 300 }))).resolves.toBe(ALICE);
  });

  test('skips DNS for a handle too long for a DNS name under _atproto', async () => {
    const handle = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(55)}.test`;

    setWellKnown(handle, { text: ALICE });

    await expect(resolveHandle(handle, options())).resolves.toBe(ALICE);
    expect(handle).toHaveLength(252);
    expect(net.dns.queries).toEqual([]);
  });

  test('lower-cases the handle before looking it up', async () => {
    setTxt('alice.test', `did=${ALICE}`);

    await expect(resolveHandle('Alice.TEST', options())).resolves.toBe(ALICE);
    expect(net.dns.queries).toEqual(['_atproto.alice.test']);
    expect(net.routed.requests.map((url) => url.hostname)).toEqual(['alice.test']);
  });

  test('reports a handle neither method knows, with both failures as the cause', async () => {
    setWellKnown('alice.test', { text: '<html>not a DID</html>' });

    const error = await resolveHandle('alice.test', options()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HandleResolutionError);
    expect(error).toMatchObject({ handle: 'alice.test', reason: 'not-found', retryable: false });
    expect((error as Error).message).toBe(
      'Handle not found: alice.test (no DNS TXT record or well-known DID)',
    );
    expect((error as Error).cause).toBeInstanceOf(AggregateError);
    expect(((error as Error).cause as AggregateError).errors).toHaveLength(2);
  });

  test('times out when neither method answers', async () => {
    net.dns.silent = true;
    setWellKnown('alice.test', 'hang');

    const error = await resolveHandle('alice.test', options({ timeout: 300 })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(HandleResolutionError);
    expect(error).toMatchObject({ reason: 'timeout', retryable: true });
    expect((error as Error).message).toBe('Handle resolution timed out: alice.test (300 ms)');
    expect(net.dns.queries.length).toBeGreaterThan(0);
  });

  test('rejects with the abort reason of the caller', async () => {
    const controller = new AbortController();
    const reason = new Error('Caller gave up');

    net.dns.silent = true;
    setWellKnown('alice.test', 'hang');

    const pending = resolveHandle('alice.test', options({ signal: controller.signal }));

    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  test.each([
    { name: 'an at sign', handle: 'jo@hn.test' },
    { name: 'an empty label', handle: 'john..test' },
    { name: 'a trailing dot', handle: 'alice.test.' },
    { name: 'a leading @', handle: '@alice.test' },
    { name: 'a TLD starting with a digit', handle: 'john.0' },
    { name: 'a single label', handle: 'localhost' },
  ])('refuses a handle with $name before any lookup', async ({ handle }) => {
    setTxt(handle, `did=${ALICE}`);

    await expect(resolveHandle(handle, options())).rejects.toThrow(StringFormatError);
    expect(lookupCount()).toBe(0);
  });

  test.each([
    { name: '.local', handle: 'laptop.local', allowTestTld: true },
    { name: '.arpa', handle: 'blah.arpa', allowTestTld: true },
    { name: '.onion', handle: 'expyuzz4wqqyqhjn.onion', allowTestTld: true },
    { name: '.example', handle: 'alice.example', allowTestTld: true },
    { name: '.invalid', handle: 'handle.invalid', allowTestTld: true },
    { name: '.test by default', handle: 'alice.test', allowTestTld: false },
  ])('refuses a handle under $name before any lookup', async ({ handle, allowTestTld }) => {
    setTxt(handle, `did=${ALICE}`);
    setWellKnown(handle, { text: ALICE });

    const error = await resolveHandle(handle, options({ allowTestTld })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(HandleResolutionError);
    expect(error).toMatchObject({ handle, reason: 'reserved' });
    expect(lookupCount()).toBe(0);
  });

  test('resolves a test PDS handle through the well-known endpoint the PDS serves', async () => {
    const account = await createTestAccount('handle');

    net.routes.set(account.handle, testPds().url);

    await expect(resolveHandle(account.handle, options())).resolves.toBe(account.did);
    expect(net.dns.queries).toEqual([`_atproto.${account.handle}`]);
    expect(net.routed.requests.map(String)).toEqual([
      `https://${account.handle}/.well-known/atproto-did`,
    ]);
  });
});
