// @NOTE jest loads this file (and the teardown) through require, without its moduleNameMapper:
// relative imports of other .ts files do not resolve here, so the whole setup lives in this file.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';
import type { GlobalConfig } from 'jest';
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

/** Set this variable to `0` to boot the network without the AppView. */
export const APPVIEW_SWITCH = 'LEXFORGE_TEST_APPVIEW';

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

/** PostgreSQL and Redis for the AppView, with the way to release what this run made there. */
interface Services {
  schema: string;
  release(): void;
}

type ServicesChoice = { services: Services } | { reason: string };

function servicesScript(rootDir: string): string {
  return join(rootDir, 'scripts', 'test-services.sh');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// @NOTE Postgres schema names for dev-env may hold letters and underscores only.
function randomSchema(): string {
  const letters = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.random() * 26));

  return `lexforge_${letters.join('')}`;
}

/** Drops the schemas of this run from a server the run did not start, as far as psql allows. */
function dropSchemas(schema: string): void {
  const names = ['appview', 'bsync', 'ozone'].map((prefix) => `${prefix}_${schema}`);
  const url = process.env['DB_POSTGRES_URL'] ?? '';

  try {
    execFileSync('psql', [url, '-qc', `DROP SCHEMA IF EXISTS ${names.join(', ')} CASCADE`], {
      stdio: 'ignore',
    });
  } catch (error) {
    process.stderr.write(`Test schemas not dropped: ${schema} (${errorMessage(error)})\n`);
  }
}

function startPrivateServices(rootDir: string, dataDir: string): Services {
  const dir = join(dataDir, 'services');
  const env = { ...process.env, LEXFORGE_SERVICES_DIR: dir };
  const script = servicesScript(rootDir);

  // @NOTE As root, the script runs PostgreSQL as the postgres user, who must reach `dir`.
  chmodSync(dataDir, 0o711);

  const release = (): void => void execFileSync(script, ['stop'], { env, stdio: 'ignore' });
  let output: string;

  try {
    output = execFileSync(script, ['start', '--no-install'], { env, encoding: 'utf8' });
  } catch (error) {
    release();
    throw error;
  }

  for (const [, name, value] of output.matchAll(/^export (\w+)=(.*)$/gm)) {
    if (name !== undefined && value !== undefined) process.env[name] = value;
  }

  return { schema: 'lexforge', release };
}

function hasServiceBinaries(rootDir: string): boolean {
  try {
    execFileSync(servicesScript(rootDir), ['has-binaries'], { stdio: 'ignore' });

    return true;
  } catch {
    return false;
  }
}

/**
 * Uses PostgreSQL and Redis from the environment when `DB_POSTGRES_URL` and `REDIS_HOST` are set,
 * else starts private ones when their binaries are installed, else says why there is no AppView.
 */
function chooseServices(rootDir: string, dataDir: string): ServicesChoice {
  if (process.env[APPVIEW_SWITCH] === '0') return { reason: `${APPVIEW_SWITCH}=0` };

  if (process.env['DB_POSTGRES_URL'] && process.env['REDIS_HOST']) {
    const schema = randomSchema();

    return { services: { schema, release: () => dropSchemas(schema) } };
  }

  if (!hasServiceBinaries(rootDir)) {
    return { reason: 'PostgreSQL or Redis not installed (scripts/test-services.sh installs them)' };
  }

  try {
    return { services: startPrivateServices(rootDir, dataDir) };
  } catch (error) {
    if (process.env['CI'] === 'true') throw error;

    return { reason: `PostgreSQL or Redis did not start: ${errorMessage(error)}` };
  }
}

async function bootNetwork(services: Services | undefined): Promise<TestNetworkNoAppView> {
  const { TestNetwork, TestNetworkNoAppView } = await import('@atproto/dev-env');

  if (services === undefined) return TestNetworkNoAppView.create({});

  return TestNetwork.create({ dbPostgresSchema: services.schema });
}

async function devEnvJwtSecret(): Promise<string> {
  const { JWT_SECRET } = await import('@atproto/dev-env');

  return JWT_SECRET;
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
      (error: unknown) => response.writeHead(500).end(errorMessage(error)),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return server;
}

function isFullNetwork(network: TestNetworkNoAppView): network is TestNetwork {
  return 'bsky' in network;
}

async function exportNetwork(
  network: TestNetworkNoAppView,
  control: Server,
  dataDir: string,
): Promise<void> {
  const { port } = control.address() as AddressInfo;

  process.env[PDS_ENV.url] = network.pds.url;
  process.env[PDS_ENV.plcUrl] = network.plc.url;
  process.env[PDS_ENV.jwtSecret] = await devEnvJwtSecret();
  process.env[PDS_ENV.dataDir] = dataDir;
  process.env[PDS_ENV.controlUrl] = `http://127.0.0.1:${port}`;

  if (isFullNetwork(network)) {
    process.env[PDS_ENV.appViewUrl] = network.bsky.url;
    process.env[PDS_ENV.appViewDid] = network.bsky.ctx.cfg.serverDid;
  }
}

function announce(choice: ServicesChoice, started: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const parts = 'services' in choice ? 'PLC, PDS and AppView' : 'PLC and PDS, no AppView';
  const reason = 'reason' in choice ? ` (${choice.reason})` : '';

  process.stderr.write(`\nTest network up in ${seconds} s: ${parts}${reason}\n`);
}

/**
 * Stops whatever is still running and removes the data when the process ends without the
 * teardown, e.g. on Ctrl-C; returns the function that unregisters these handlers.
 */
function cleanUpOnExit(release: () => void): () => void {
  const onExit = (): void => release();
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    process.kill(process.pid, signal);
  };

  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  return () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

function releaseOnce(services: Services | undefined, dataDir: string): () => void {
  let released = false;

  return () => {
    if (released) return;

    released = true;

    try {
      services?.release();
    } catch (error) {
      process.stderr.write(`Test services not stopped: ${errorMessage(error)}\n`);
    }

    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * Boots one test network for the whole jest run: PLC, PDS and, when PostgreSQL and Redis are at
 * hand, the AppView; hands their addresses to the test workers through environment variables,
 * with a loopback control server through which workers wait for the AppView to catch up.
 */
export default async function globalSetup(config: GlobalConfig): Promise<void> {
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'lexforge-pds-'));

  // @NOTE dev-env writes its SQLite files under os.tmpdir() and never deletes them: pointing TMPDIR
  // at a private folder lets the teardown remove all of it.
  process.env['TMPDIR'] = dataDir;

  const choice = chooseServices(config.rootDir, dataDir);
  const services = 'services' in choice ? choice.services : undefined;
  const release = releaseOnce(services, dataDir);
  const unregister = cleanUpOnExit(release);
  const network = await bootNetwork(services);
  const control = await startControlServer(network);

  await exportNetwork(network, control, dataDir);

  if ('reason' in choice) process.env[PDS_ENV.noAppViewReason] = choice.reason;

  announce(choice, started);

  globalThis.lexforgeNetwork = {
    network,
    dataDir,
    close: async () => {
      control.closeAllConnections();
      await new Promise<void>((resolve) => control.close(() => resolve()));
      await network.close();
      unregister();
      release();
    },
  };
}
