import { mkdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { writeFileAtomic } from '@lexforge/runtime/node';

/** What `login` remembers besides the session: where and as whom. Never the password. */
export interface AccountConfig {
  service: string;
  identifier: string;
}

/**
 * The folder the CLI keeps its account in: `$LEXFORGE_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/lexforge`, else `~/.config/lexforge`.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['LEXFORGE_CONFIG_DIR']) return env['LEXFORGE_CONFIG_DIR'];

  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'lexforge');
}

/** The session file inside the config folder (written 0600 by the file store). */
export function sessionPath(dir: string): string {
  return join(dir, 'session.json');
}

function accountPath(dir: string): string {
  return join(dir, 'account.json');
}

/** Reads the account `login` saved, or `undefined` when there is none. */
export async function readAccount(dir: string): Promise<AccountConfig | undefined> {
  const text = await readFile(accountPath(dir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });

  return text === undefined ? undefined : (JSON.parse(text) as AccountConfig);
}

/** Saves the account, creating the config folder (0700) when needed. */
export async function saveAccount(dir: string, account: AccountConfig): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(accountPath(dir), `${JSON.stringify(account, null, 2)}\n`);
}

/** Forgets the account. */
export async function removeAccount(dir: string): Promise<void> {
  await rm(accountPath(dir), { force: true });
}
