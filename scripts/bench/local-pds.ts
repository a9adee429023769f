import { createHmac, randomBytes } from 'node:crypto';

import type { TempFolder } from './temp-folder.js';

/** A reference PDS running in this process on loopback, with an in-memory PLC. */
export interface LocalPds {
  readonly url: string;
  /** Re-signs one of the PDS's tokens with changed claims. */
  mintToken(jwt: string, claims: Record<string, unknown>): string;
  /** Stops the network; its files go with the temp folder. */
  close(): Promise<void>;
}

/** An account created on the local PDS. */
export interface LocalAccount {
  readonly handle: string;
  readonly password: string;
}

/**
 * Boots `@atproto/dev-env`'s `TestNetworkNoAppView` with its SQLite files in the run's temp
 * folder.
 */
export async function bootLocalPds(temp: TempFolder): Promise<LocalPds> {
  const previousTmp = process.env['TMPDIR'];

  // @NOTE dev-env writes under os.tmpdir() and never cleans up: TMPDIR points into the run's temp
  // folder while the network runs, so removing that folder removes everything it wrote.
  process.env['TMPDIR'] = await temp.dir('pds');

  const { TestNetworkNoAppView, JWT_SECRET } = await import('@atproto/dev-env');
  const network = await TestNetworkNoAppView.create({});

  return {
    url: network.pds.url,
    mintToken: (jwt, claims) => resign(jwt, claims, JWT_SECRET),
    close: async () => {
      await network.close();

      if (previousTmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = previousTmp;
    },
  };
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** HS256 over the token's own header and its payload with `claims` merged in. */
function resign(jwt: string, claims: Record<string, unknown>, secret: string): string {
  const [header, payload] = jwt.split('.');

  if (header === undefined || payload === undefined) throw new Error('Token to re-sign: not a JWT');

  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
  const body = `${header}.${base64UrlJson({ ...decoded, ...claims })}`;
  const signature = createHmac('sha256', secret).update(body).digest('base64url');

  return `${body}.${signature}`;
}

/** Creates an account with a fresh `.test` handle through raw XRPC. */
export async function createLocalAccount(pds: LocalPds, prefix: string): Promise<LocalAccount> {
  const name = `${prefix}${randomBytes(3).toString('hex')}`;
  const account = { handle: `${name}.test`, password: randomBytes(12).toString('hex') };
  const response = await fetch(`${pds.url}/xrpc/com.atproto.server.createAccount`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, email: `${name}@example.com` }),
  });

  if (!response.ok) {
    throw new Error(`Account not created: ${response.status} ${await response.text()}`);
  }

  return account;
}
