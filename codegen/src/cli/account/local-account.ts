import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { Client } from '@lexforge/api';

import type { Logger } from '../logger.js';

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Runs `use` with a client logged in to a throwaway account on a local network booted for this one
 * command (PLC + PDS, and the AppView when PostgreSQL and Redis are at hand). Nothing is kept.
 *
 * @throws {Error} when the local network cannot be booted (it needs `@atproto/dev-env`)
 */
export async function withLocalAccount(
  logger: Logger,
  use: (client: Client) => Promise<void>,
): Promise<void> {
  const { startLocalNetwork } = await import('../../local-network.js').catch((error: unknown) => {
    throw new Error('No local network: @atproto/dev-env is not installed', { cause: error });
  });
  const network = await startLocalNetwork({ rootDir: REPOSITORY });

  try {
    const name = `local${randomBytes(3).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const client = new Client({ service: network.pdsUrl });

    await client.com.atproto.server
      .createAccount()
      .with({ handle: `${name}.test`, email: `${name}@example.com`, password })
      .send();
    await client.authenticate(`${name}.test`, password);
    logger.info(`No account configured: using ${name}.test on a temporary local network`);
    await use(client);
  } finally {
    await network.close();
  }
}
