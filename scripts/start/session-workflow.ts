import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { bsky, Client } from '@lexforge/api';
import type * as AppBskyFeedPost from '@lexforge/api/app/bsky/feed/post';
import type * as AppBskyRichtextFacet from '@lexforge/api/app/bsky/richtext/facet';
import { FileStore } from '@lexforge/runtime/node';

import { CallLog } from './call-log.js';
import type { StepResult } from './step-result.js';

/** The network the walk-through runs on. */
export interface WorkflowNetwork {
  pdsUrl: string;
  /** Re-signs a PDS token with an `exp` in the past. */
  expiredToken(jwt: string): string;
  /** The AppView, when it runs: reads then go through it. */
  appView?: { url: string; did: string } | undefined;
  /** Waits until the AppView has indexed every PDS event. */
  processAll(): Promise<void>;
}

/** Where the walk-through keeps its files, and where it reports each step as it ends. */
export interface WorkflowOptions {
  /** A folder the walk-through may write its session file in. */
  dir: string;
  onStep?: (result: StepResult) => void;
}

/** An account of the walk-through, with the file its session is saved in. */
interface Account {
  handle: string;
  password: string;
  sessionFile: string;
}

type Step = (context: WorkflowContext) => Promise<string>;

/** What the steps share. */
interface WorkflowContext {
  network: WorkflowNetwork;
  account: Account;
  log: CallLog;
  /** The client of the latest step that logged in. */
  client?: Client | undefined;
  /** The post the walk-through made. */
  post?: { uri: string; text: string } | undefined;
}

const DISPLAY_NAME = 'lexforge walk-through';

function newClient(context: WorkflowContext): Client {
  return new Client({
    service: context.network.pdsUrl,
    store: new FileStore(context.account.sessionFile),
    hooks: context.log.hooks,
  });
}

async function loggedIn(context: WorkflowContext): Promise<Client> {
  const client = newClient(context);

  await client.authenticate(context.account.handle, context.account.password);
  context.client = client;

  return client;
}

async function editSavedSession(
  file: string,
  edit: (session: Record<string, unknown>) => void,
): Promise<void> {
  const session = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

  edit(session);
  await writeFile(file, JSON.stringify(session));
}

const createAccount: Step = async ({ network, account, log }) => {
  const client = new Client({ service: network.pdsUrl, hooks: log.hooks });
  const email = `${account.handle.split('.')[0]}@example.com`;
  const created = await client.com.atproto.server
    .createAccount()
    .with({ handle: account.handle, email, password: account.password })
    .send();

  return `${created.handle} is ${created.did}`;
};

const logIn: Step = async (context) => {
  const session = (await loggedIn(context)).authenticated();

  return `logged in as ${session.handle} with the password`;
};

const saveSession: Step = async ({ account }) => {
  const file = await stat(account.sessionFile);
  const keys = Object.keys(JSON.parse(await readFile(account.sessionFile, 'utf8')) as object);

  const mode = (file.mode & 0o777).toString(8);

  return `saved to ${account.sessionFile} (mode ${mode}): ${keys.join(', ')}`;
};

const resumeFromFile: Step = async (context) => {
  const client = await loggedIn(context);
  const before = context.log.take().length;
  const { data } = await client.com.atproto.server.getSession().response();

  return `resumed without logging in (${before} calls), then getSession answered ${data.handle}`;
};

const expireAccess: Step = async (context) => {
  const { network, account } = context;

  await editSavedSession(account.sessionFile, (session) => {
    session['accessJwt'] = network.expiredToken(String(session['accessJwt']));
  });

  const client = await loggedIn(context);

  const { handle } = client.authenticated();

  return `the expired access token was renewed with the refresh token for ${handle}`;
};

const revokeRefresh: Step = async (context) => {
  const { network, account, log } = context;
  const saved = JSON.parse(await readFile(account.sessionFile, 'utf8')) as { refreshJwt: string };

  await new Client({ service: network.pdsUrl }).com.atproto.server
    .deleteSession()
    .send({ headers: { authorization: `Bearer ${saved.refreshJwt}` } });
  await editSavedSession(account.sessionFile, (session) => {
    session['accessJwt'] = network.expiredToken(String(session['accessJwt']));
  });
  log.take();
  await loggedIn(context);

  return 'the revoked refresh token was refused, so the password logged in again';
};

function current(context: WorkflowContext): Client {
  if (context.client === undefined) throw new Error('No session: an earlier step did not log in');

  return context.client;
}

const setProfile: Step = async (context) => {
  await bsky(current(context)).updateProfile((profile) => ({
    ...profile,
    displayName: DISPLAY_NAME,
  }));

  return `display name set to "${DISPLAY_NAME}"`;
};

const postRichText: Step = async (context) => {
  const text = `Hello from lexforge 👋🏽 @${context.account.handle} https://atproto.com/specs #lexforge`;
  const created = await bsky(current(context)).post(text);

  context.post = { uri: created.uri, text };

  return `posted ${created.uri}`;
};

function describeFacets(
  text: string,
  facets: readonly AppBskyRichtextFacet.Main[] | undefined,
): string {
  const bytes = Buffer.from(text);
  const spans = (facets ?? []).map(({ index }) => {
    const slice = bytes.subarray(index.byteStart, index.byteEnd).toString();

    return `"${slice}" [${index.byteStart}, ${index.byteEnd})`;
  });

  return `${spans.length} facets: ${spans.join(', ')}`;
}

async function readThroughAppView(context: WorkflowContext, uri: string): Promise<string> {
  const client = current(context);

  await context.network.processAll();

  const profile = await bsky(client).getProfile().actor(client.authenticated().did).send();
  const thread = await bsky(client).getPostThread().uri(uri).send();
  const post = thread.thread as { post?: { record?: AppBskyFeedPost.Main } };
  const record = post.post?.record;

  const facets = describeFacets(record?.text ?? '', record?.facets);

  return `the AppView shows "${profile.displayName}" with ${profile.postsCount} post; ${facets}`;
}

async function readFromRepository(context: WorkflowContext, uri: string): Promise<string> {
  const client = current(context);
  const profile = await client.app.bsky.actor.profile.get('self');
  const post = await client.app.bsky.feed.post.get(uri.split('/').pop() ?? '');

  const facets = describeFacets(post.value.text, post.value.facets);

  return `the repository holds "${profile.value.displayName}"; ${facets}`;
}

const readBack: Step = async (context) => {
  if (context.post === undefined) throw new Error('No post: the post step did not run');

  return context.network.appView === undefined
    ? readFromRepository(context, context.post.uri)
    : readThroughAppView(context, context.post.uri);
};

const logOut: Step = async (context) => {
  const client = context.client ?? (await loggedIn(context));

  await client.logout();

  const left = await readFile(context.account.sessionFile, 'utf8').catch(() => undefined);

  return `logged out; the session file is ${left === undefined ? 'gone' : 'still there'}`;
};

/** The steps of the walk-through, in order, with their titles. */
export const SESSION_STEPS: readonly (readonly [string, Step])[] = [
  ['Create an account', createAccount],
  ['Log in with the password', logIn],
  ['Save the session to a file', saveSession],
  ['Start again from the file (no login)', resumeFromFile],
  ['The access token expires (refresh path)', expireAccess],
  ['The refresh token is revoked (password path)', revokeRefresh],
  ['Set the profile', setProfile],
  ['Post with rich text', postRichText],
  ['Read the profile and the post back', readBack],
  ['Log out', logOut],
];

/**
 * Walks through an account's session life on the given network: create, log in, save, resume,
 * refresh, fall back to the password, write a profile and a post with rich text, read them back,
 * log out. Returns what each step did and cost.
 *
 * @throws the first step's error, with the step named in its message
 */
export async function runSessionWorkflow(
  network: WorkflowNetwork,
  options: WorkflowOptions,
): Promise<StepResult[]> {
  const name = `walk${randomBytes(3).toString('hex')}`;
  const account = {
    handle: `${name}.test`,
    password: randomBytes(12).toString('hex'),
    sessionFile: join(options.dir, 'session.json'),
  };
  const context: WorkflowContext = { network, account, log: new CallLog() };
  const results: StepResult[] = [];

  for (const [title, step] of SESSION_STEPS) {
    const outcome = await step(context).catch((error: unknown) => {
      throw new Error(
        `Step failed: ${title}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
    const result = { title, outcome, calls: context.log.take() };

    results.push(result);
    options.onStep?.(result);
  }

  return results;
}
