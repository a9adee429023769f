// Boots a local atproto network in this process: an in-memory PLC, a reference PDS and, when
// PostgreSQL and Redis are at hand, the AppView; all on loopback, all data in one temp folder that
// close() removes. Used by the jest global setup, by `npm start` and by the lexforge account
// commands when no account is configured. It needs `@atproto/dev-env`, a dev dependency of the
// lexforge repository.
//
// @NOTE jest loads this file through require from its global setup: it imports no other
// relative .ts file.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';

/** Set this variable to `0` to boot the network without the AppView. */
export const APPVIEW_SWITCH = 'LEXFORGE_TEST_APPVIEW';

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

function isFullNetwork(network: TestNetworkNoAppView): network is TestNetwork {
  return 'bsky' in network;
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
 * Re-signs a PDS token with changed claims, HS256 with the PDS's secret: e.g. an `exp` in the past
 * gives a token the server answers with `ExpiredToken`.
 *
 * @throws {TypeError} when `jwt` is not a JWT
 */
export function signToken(jwt: string, claims: Record<string, unknown>, secret: string): string {
  const [header, payload] = jwt.split('.');

  if (header === undefined || payload === undefined)
    throw new TypeError('Token to re-sign: not a JWT');

  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
  const claimsPart = Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString('base64url');
  const body = `${header}.${claimsPart}`;

  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

function restoreTmpdir(value: string | undefined): void {
  if (value === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = value;
}

/** A running local network and how to stop it. */
export interface LocalNetwork {
  network: TestNetworkNoAppView;
  pdsUrl: string;
  plcUrl: string;
  /** The secret the PDS signs its tokens with (to mint expired ones). */
  jwtSecret: string;
  /** The AppView, when it runs. */
  appView?: { url: string; did: string } | undefined;
  /** Why the AppView does not run, when it does not. */
  noAppViewReason?: string | undefined;
  dataDir: string;
  /** Re-signs a token of this PDS so that it expired a minute ago. */
  expiredToken(jwt: string): string;
  /** Waits until the AppView has indexed every PDS event (a no-op without an AppView). */
  processAll(): Promise<void>;
  /** Stops everything and removes every file the network wrote. */
  close(): Promise<void>;
}

/** Where to find the services script, and whether to try the AppView. */
export interface LocalNetworkOptions {
  /** The repository root (holding `scripts/test-services.sh`). */
  rootDir: string;
  /** @default true unless LEXFORGE_TEST_APPVIEW=0 */
  appView?: boolean | undefined;
}

function appViewOf(network: TestNetworkNoAppView): LocalNetwork['appView'] {
  if (!isFullNetwork(network)) return undefined;

  return { url: network.bsky.url, did: network.bsky.ctx.cfg.serverDid };
}

/**
 * Boots PLC, PDS and, when it can, the AppView. Cleans up on process exit and signals too, in case
 * `close()` is never reached.
 *
 * @throws whatever booting throws; under CI (`CI=true`) also when PostgreSQL or Redis fail to start
 */
export async function startLocalNetwork(options: LocalNetworkOptions): Promise<LocalNetwork> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lexforge-pds-'));

  // @NOTE dev-env writes its SQLite files under os.tmpdir() and never deletes them: pointing TMPDIR
  // at a private folder lets close() remove all of it. close() points it back.
  const previousTmpdir = process.env['TMPDIR'];

  process.env['TMPDIR'] = dataDir;

  const choice =
    options.appView === false
      ? { reason: 'AppView not requested' }
      : chooseServices(options.rootDir, dataDir);
  const services = 'services' in choice ? choice.services : undefined;
  const release = releaseOnce(services, dataDir);
  const unregister = cleanUpOnExit(release);
  const network = await bootNetwork(services).catch((error: unknown) => {
    unregister();
    release();
    throw error;
  });

  const jwtSecret = await devEnvJwtSecret();

  return {
    network,
    pdsUrl: network.pds.url,
    plcUrl: network.plc.url,
    jwtSecret,
    expiredToken: (jwt) => signToken(jwt, { exp: Math.floor(Date.now() / 1000) - 60 }, jwtSecret),
    appView: appViewOf(network),
    noAppViewReason: 'reason' in choice ? choice.reason : undefined,
    dataDir,
    processAll: () => network.processAll(),
    close: async () => {
      await network.close();
      unregister();
      release();
      restoreTmpdir(previousTmpdir);
    },
  };
}
