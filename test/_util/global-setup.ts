// @NOTE jest loads this file (and the teardown) through require, without its moduleNameMapper:
// relative imports resolve only when they name the .ts file itself.
import { createServer } from 'node:http';

import type { TestNetworkNoAppView } from '@atproto/dev-env';
import type { GlobalConfig } from 'jest';

import { type LocalNetwork, startLocalNetwork } from '../../codegen/src/local-network.ts';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Environment variables through which the global setup hands the test network to the workers. */
export const PDS_ENV = {
  url: 'LEXFORGE_TEST_PDS_URL',
  plcUrl: 'LEXFORGE_TEST_PLC_URL',
  jwtSecret: 'LEXFORGE_TEST_JWT_SECRET',
  dataDir: 'LEXFORGE_TEST_DATA_DIR',
  appViewUrl: 'LEXFORGE_TEST_APPVIEW_URL',
  appViewDid: 'LEXFORGE_TEST_APPVIEW_DID',
  noAppViewReason: 'LEXFORGE_TEST_NO_APPVIEW_REASON',
  controlUrl: 'LEXFORGE_TEST_CONTROL_URL',
} as const;

/** The path on the control server that waits until the AppView has indexed every PDS event. */
export const PROCESS_ALL_PATH = '/process-all';

/** What the global setup started, and how to stop all of it. */
export interface RunningNetwork {
  network: TestNetworkNoAppView;
  dataDir: string;
  close(): Promise<void>;
}

declare global {
  var lexforgeNetwork: RunningNetwork | undefined;
}

/** Runs `run` after every earlier call has settled, so concurrent requests never overlap. */
function serialize(run: () => Promise<void>): () => Promise<void> {
  let tail = Promise.resolve();

  return () => {
    const next = tail.then(run);
    tail = next.catch(() => undefined);

    return next;
  };
}

/** Serves `POST /process-all` on loopback, so that test workers can wait for the firehose. */
async function startControlServer(network: TestNetworkNoAppView): Promise<Server> {
  const processAll = serialize(() => network.processAll());
  const server = createServer((request, response) => {
    request.resume();

    if (request.method !== 'POST' || request.url !== PROCESS_ALL_PATH) {
      response.writeHead(404).end();

      return;
    }

    processAll().then(
      () => response.writeHead(204).end(),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return server;
}

function exportNetwork(local: LocalNetwork, control: Server): void {
  const { port } = control.address() as AddressInfo;

  process.env[PDS_ENV.url] = local.pdsUrl;
  process.env[PDS_ENV.plcUrl] = local.plcUrl;
  process.env[PDS_ENV.jwtSecret] = local.jwtSecret;
  process.env[PDS_ENV.dataDir] = local.dataDir;
  process.env[PDS_ENV.controlUrl] = `http://127.0.0.1:${port}`;

  if (local.appView !== undefined) {
    process.env[PDS_ENV.appViewUrl] = local.appView.url;
    process.env[PDS_ENV.appViewDid] = local.appView.did;
  }

  if (local.noAppViewReason !== undefined) {
    process.env[PDS_ENV.noAppViewReason] = local.noAppViewReason;
  }
}

function announce(local: LocalNetwork, started: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const parts = local.appView === undefined ? 'PLC and PDS, no AppView' : 'PLC, PDS and AppView';
  const reason = local.noAppViewReason === undefined ? '' : ` (${local.noAppViewReason})`;

  process.stderr.write(`\nTest network up in ${seconds} s: ${parts}${reason}\n`);
}

/**
 * Boots one test network for the whole jest run: PLC, PDS and, when PostgreSQL and Redis are at
 * hand, the AppView; hands their addresses to the test workers through environment variables,
 * with a loopback control server through which workers wait for the AppView to catch up.
 */
export default async function globalSetup(config: GlobalConfig): Promise<void> {
  const started = performance.now();
  const local = await startLocalNetwork({ rootDir: config.rootDir });
  const control = await startControlServer(local.network);

  exportNetwork(local, control);
  announce(local, started);

  globalThis.lexforgeNetwork = {
    network: local.network,
    dataDir: local.dataDir,
    close: async () => {
      control.closeAllConnections();
      await new Promise<void>((resolve) => control.close(() => resolve()));
      await local.close();
    },
  };
}
