import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Environment variables through which the global setup hands the test network to the workers. */
export const PDS_ENV = {
  url: 'LEXFORGE_TEST_PDS_URL',
  plcUrl: 'LEXFORGE_TEST_PLC_URL',
  jwtSecret: 'LEXFORGE_TEST_JWT_SECRET',
  dataDir: 'LEXFORGE_TEST_DATA_DIR',
} as const;

export interface RunningNetwork {
  network: { close(): Promise<void> };
  dataDir: string;
}

declare global {
  var lexforgeNetwork: RunningNetwork | undefined;
}

/**
 * Boots one in-memory PLC and one reference PDS for the whole jest run and hands their addresses to
 * the test workers through environment variables.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexforge-pds-'));

  // @NOTE dev-env writes its SQLite files under os.tmpdir() and never deletes them: pointing TMPDIR
  // at a private folder lets the teardown remove all of it.
  process.env['TMPDIR'] = dataDir;

  const { TestNetworkNoAppView, JWT_SECRET } = await import('@atproto/dev-env');
  const network = await TestNetworkNoAppView.create({});

  globalThis.lexforgeNetwork = { network, dataDir };
  process.env[PDS_ENV.url] = network.pds.url;
  process.env[PDS_ENV.plcUrl] = network.plc.url;
  process.env[PDS_ENV.jwtSecret] = JWT_SECRET;
  process.env[PDS_ENV.dataDir] = dataDir;
}
