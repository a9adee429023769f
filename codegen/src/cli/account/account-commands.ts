import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { bsky, Client } from '@lexforge/api';
import { FileStore } from '@lexforge/runtime/node';

import type { Logger } from '../logger.js';
import {
  configDir,
  readAccount,
  removeAccount,
  saveAccount,
  sessionPath,
} from './account-config.js';
import type { AccountCommand } from './account-usage.js';
import { withLocalAccount } from './local-account.js';
import { readPassword } from './password.js';
import { requestSummaries } from './request-summary.js';

/** Where a command prints its result. */
export interface CommandOutput {
  write(text: string): unknown;
}

const OPTIONS = {
  service: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  limit: { type: 'string' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

interface CommandContext {
  positionals: string[];
  values: { service?: string; 'password-stdin'?: boolean; limit?: string; verbose?: boolean };
  logger: Logger;
  output: CommandOutput;
  dir: string;
}

function newClient(context: CommandContext, service: string): Client {
  return new Client({
    service,
    store: new FileStore(sessionPath(context.dir)),
    ...(context.values.verbose === true ? { hooks: requestSummaries(context.logger) } : {}),
  });
}

/** A client with the saved session resumed (refreshed if need be), never with a password. */
async function resumed(context: CommandContext): Promise<Client> {
  const account = await readAccount(context.dir);

  if (account === undefined) {
    throw new Error('Not logged in: run lexforge login <handle> --service <url>');
  }

  const client = newClient(context, context.values.service ?? account.service);

  await client.authenticate(account.identifier, undefined);

  return client;
}

/**
 * Runs `use` with the logged-in account; with none configured and no `--service`, with a
 * throwaway account on a temporary local network.
 */
async function withAccount(
  context: CommandContext,
  use: (client: Client) => Promise<void>,
): Promise<void> {
  const configured = await readAccount(context.dir);

  if (configured === undefined && context.values.service === undefined) {
    await withLocalAccount(context.logger, use);

    return;
  }

  await use(await resumed(context));
}

async function login(context: CommandContext): Promise<void> {
  const [identifier] = context.positionals;
  const service = context.values.service ?? (await readAccount(context.dir))?.service;

  if (identifier === undefined) {
    throw new Error('Missing identifier: lexforge login <handle|did|email>');
  }
  if (service === undefined) {
    throw new Error(
      'Missing service: pass --service <url> (e.g. https://bsky.social); without an account, the ' +
        'other commands run on a temporary local network',
    );
  }

  // the session is saved into the config folder as soon as it exists
  await mkdir(context.dir, { recursive: true, mode: 0o700 });

  const client = newClient(context, service);
  const password = await readPassword(context.values['password-stdin'] === true);
  const session = await client.authenticate(identifier, password);

  await saveAccount(context.dir, { service, identifier });
  context.output.write(`Logged in as ${session.handle} (${session.did}) on ${service}\n`);
}

async function whoami(context: CommandContext): Promise<void> {
  await withAccount(context, async (client) => {
    const session = client.authenticated();

    context.output.write(`${session.handle} (${session.did}) on ${client.service.origin}\n`);
  });
}

async function post(context: CommandContext): Promise<void> {
  const text = context.positionals.join(' ');

  if (text === '') throw new Error('Missing text: lexforge post <text>');

  await withAccount(context, async (client) => {
    const created = await bsky(client).post(text);

    context.output.write(`Posted ${created.uri}\n`);
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function profile(context: CommandContext): Promise<void> {
  await withAccount(context, (client) => printProfile(context, client));
}

async function printProfile(context: CommandContext, client: Client): Promise<void> {
  const actor = context.positionals[0] ?? client.authenticated().did;
  const found = await bsky(client).getProfile().actor(actor).send();
  const counts = [
    plural(found.followersCount ?? 0, 'follower'),
    `${found.followsCount ?? 0} follows`,
    plural(found.postsCount ?? 0, 'post'),
  ].join(', ');

  context.output.write(
    `${found.displayName ?? found.handle} (@${found.handle}, ${found.did})\n${counts}\n`,
  );
  if (found.description !== undefined) context.output.write(`${found.description}\n`);
}

async function timeline(context: CommandContext): Promise<void> {
  const limit = Number(context.values.limit ?? 20);

  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new Error(`Invalid --limit: ${context.values.limit}`);

  const page = await bsky(await resumed(context))
    .getTimeline()
    .limit(limit)
    .send();

  for (const item of page.feed) {
    const record = item.post.record as { text?: unknown };

    context.output.write(`@${item.post.author.handle}: ${String(record.text ?? '')}\n`);
  }
}

async function logout(context: CommandContext): Promise<void> {
  const client = await resumed(context).catch(() => undefined);

  await client?.logout();
  await removeAccount(context.dir);
  context.output.write('Logged out\n');
}

const COMMANDS: Readonly<Record<AccountCommand, (context: CommandContext) => Promise<void>>> = {
  login,
  whoami,
  post,
  profile,
  timeline,
  logout,
};

/**
 * Runs an account command: the session lives in the config folder (see {@link configDir}), in a
 * 0600 file; the password is only read by `login` and never stored.
 *
 * @throws whatever the command fails with; the CLI prints its message as one line
 */
export async function runAccountCommand(
  name: AccountCommand,
  args: string[],
  logger: Logger,
  output: CommandOutput,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });

  await COMMANDS[name]({ positionals, values, logger, output, dir: configDir() });

  return 0;
}
