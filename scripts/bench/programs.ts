// The small programs the bundle and type-check benchmarks build, one per library, written into
// the run's temp folder. Each does the same thing the way that library's README shows.

/** A program: the library it shows and its TypeScript source. */
export interface Program {
  readonly name: string;
  /** What the program does differently from the others, if anything. */
  readonly remark?: string;
  readonly source: string;
}

/** Log in with a password, fetch the own profile, print the display name; outputs validated. */
export const BUNDLE_PROGRAMS: readonly Program[] = [
  {
    name: 'lexforge',
    source: `import { getProfile } from '@lexforge/api/app/bsky/actor/getProfile';
import { AtpClient } from '@lexforge/runtime';

const client = new AtpClient({ service: 'https://bsky.social' });
const session = await client.authenticate('alice.example.com', 'app-password');
const profile = await getProfile(client).actor(session.did).send();

console.log(profile.displayName);
`,
  },
  {
    name: 'atcute',
    remark: 'output validated through `rpc.call` with the schema',
    source: `import { AppBskyActorGetProfile } from '@atcute/bluesky';
import { Client, ok } from '@atcute/client';
import { PasswordSession } from '@atcute/password-session';

const session = await PasswordSession.login({
  service: 'https://bsky.social',
  identifier: 'alice.example.com',
  password: 'app-password',
});
const rpc = new Client({ handler: session });
const params = { actor: session.did };
const profile = await ok(rpc.call(AppBskyActorGetProfile, { params }));

console.log(profile.displayName);
`,
  },
  {
    name: 'atcute, unvalidated',
    remark: "`rpc.get`, atcute's default: the output is not validated",
    source: `import type {} from '@atcute/bluesky';
import { Client, ok } from '@atcute/client';
import { PasswordSession } from '@atcute/password-session';

const session = await PasswordSession.login({
  service: 'https://bsky.social',
  identifier: 'alice.example.com',
  password: 'app-password',
});
const rpc = new Client({ handler: session });
const params = { actor: session.did };
const profile = await ok(rpc.get('app.bsky.actor.getProfile', { params }));

console.log(profile.displayName);
`,
  },
  {
    name: '@atproto/api',
    source: `import { AtpAgent } from '@atproto/api';

const agent = new AtpAgent({ service: 'https://bsky.social' });

await agent.login({ identifier: 'alice.example.com', password: 'app-password' });

const { data } = await agent.getProfile({ actor: agent.assertDid });

console.log(data.displayName);
`,
  },
  {
    name: 'ky alone',
    remark:
      'the same two requests with bare ky, the transport lexforge stands on: no session, no ' +
      'validation, the least any lexforge program carries',
    source: `import ky from 'ky';

const service = 'https://bsky.social/xrpc/';
const json = { identifier: 'alice.example.com', password: 'app-password' };
const session = await ky.post('com.atproto.server.createSession', { prefixUrl: service, json });
const { accessJwt, did } = await session.json<{ accessJwt: string; did: string }>();
const profile = await ky
  .get('app.bsky.actor.getProfile', {
    prefixUrl: service,
    searchParams: { actor: did },
    headers: { authorization: \`Bearer \${accessJwt}\` },
  })
  .json<{ displayName?: string }>();

console.log(profile.displayName);
`,
  },
];

/** Call getProfile and read the display name: what a consumer type-checks. */
export const TYPECHECK_PROGRAMS: readonly Program[] = [
  {
    name: 'lexforge',
    source: `import { getProfile } from '@lexforge/api/app/bsky/actor/getProfile';
import { XrpcClient } from '@lexforge/runtime';

const client = new XrpcClient({ service: 'https://public.api.bsky.app' });
const profile = await getProfile(client).actor('bsky.app').send();

export const displayName: string | undefined = profile.displayName;
`,
  },
  {
    name: 'atcute',
    source: `import type {} from '@atcute/bluesky';
import { Client, ok, simpleFetchHandler } from '@atcute/client';

const handler = simpleFetchHandler({ service: 'https://public.api.bsky.app' });
const rpc = new Client({ handler });
const profile = await ok(rpc.get('app.bsky.actor.getProfile', { params: { actor: 'bsky.app' } }));

export const displayName: string | undefined = profile.displayName;
`,
  },
  {
    name: '@atproto/lex',
    source: `import { Client } from '@atproto/lex';

import getProfile from './lexicons/app/bsky/actor/getProfile.js';

const client = new Client('https://public.api.bsky.app');
const profile = await client.call(getProfile, { actor: 'bsky.app' });

export const displayName: string | undefined = profile.displayName;
`,
  },
];
