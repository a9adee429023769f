import { setTimeout as sleep } from 'node:timers/promises';

import type {} from '@atcute/atproto';
import { Client, ok } from '@atcute/client';
import { PasswordSession } from '@atcute/password-session';

import { getSession } from '@lexforge/api/com/atproto/server/getSession';
import { AtpClient } from '@lexforge/runtime';

import { roundsFor } from './benchmark.js';
import { countingFetch } from './counting-fetch.js';
import { formatRatio, formatTime, prose } from './format.js';
import { bootLocalPds, createLocalAccount } from './local-pds.js';
import { roundRatios, runRounds, samplesOf, summarize } from './sampling.js';

import type { PasswordSessionData } from '@atcute/password-session';
import type { AtpSessionData } from '@lexforge/runtime';
import type { BenchContext, BenchReport, Benchmark, ResultTable } from './benchmark.js';
import type { CountingFetch } from './counting-fetch.js';
import type { LocalPds } from './local-pds.js';
import type { Contestant } from './sampling.js';

const CALLS = 100;
const REFRESH = 'com.atproto.server.refreshSession';

/** How far behind the server's clock the client's is taken to be, in the refused case. */
const SKEW_MS = 120_000;

const EXPIRED_AT_CLIENT = 'lexforge, token expired before the calls';
const REFUSED_LEXFORGE = 'lexforge, token refused by the server';
const REFUSED_ATCUTE = 'atcute, token refused by the server';

/** What one round of one situation counted, besides its time. */
interface RoundCounts {
  readonly refreshes: number;
  readonly requests: number;
  readonly failures: number;
}

/** The sessions each client carries from round to round (refresh tokens rotate). */
interface Chains {
  lexforge: AtpSessionData;
  atcute: PasswordSessionData;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Fires the calls at once and times them until the last has settled. */
async function fire(call: () => Promise<unknown>): Promise<{ ms: number; failures: number }> {
  const started = performance.now();
  const settled = await Promise.allSettled(Array.from({ length: CALLS }, call));
  const ms = performance.now() - started;

  return { ms, failures: settled.filter(({ status }) => status === 'rejected').length };
}

/**
 * One situation as a contestant: `start` sets a client up and returns the call to fire; the
 * counts of each round are kept in `counts`.
 */
function situation(
  name: string,
  counter: CountingFetch,
  counts: Map<string, RoundCounts[]>,
  start: () => Promise<{ call: () => Promise<unknown>; finish: () => void }>,
): Contestant {
  counts.set(name, []);

  return {
    name,
    measure: async () => {
      const { call, finish } = await start();

      counter.reset();

      const { ms, failures } = await fire(call);
      const round = { refreshes: counter.count(REFRESH), requests: counter.total(), failures };

      counts.get(name)?.push(round);
      finish();

      return ms;
    },
  };
}

/** The access token expires while the client holds it: the client renews it before sending. */
async function expiredAtClient(pds: LocalPds, chains: Chains, counter: CountingFetch) {
  const exp = Math.ceil((Date.now() + 300) / 1000);
  const saved = {
    ...chains.lexforge,
    accessJwt: pds.mintToken(chains.lexforge.accessJwt, { exp }),
  };
  const client = new AtpClient({ service: pds.url, fetch: counter.fetch, expiryMargin: 0 });

  await client.authenticate(saved.handle, undefined, saved);
  await sleep(exp * 1000 - Date.now() + 20);

  return {
    call: () => getSession(client).send(),
    finish: () => void (chains.lexforge = client.authenticated()),
  };
}

/** The server refuses the token (`ExpiredToken`) the client still trusts, its clock behind. */
async function refusedLexforge(pds: LocalPds, chains: Chains, counter: CountingFetch) {
  const accessJwt = pds.mintToken(chains.lexforge.accessJwt, { exp: nowSeconds() - 60 });
  const options = { service: pds.url, fetch: counter.fetch, expiryMargin: -SKEW_MS };
  const client = new AtpClient(options);

  await client.authenticate(chains.lexforge.handle, undefined, { ...chains.lexforge, accessJwt });

  return {
    call: () => getSession(client).send(),
    finish: () => void (chains.lexforge = client.authenticated()),
  };
}

/** atcute sends the token it was given and renews it when the server refuses it. */
async function refusedAtcute(pds: LocalPds, chains: Chains, counter: CountingFetch) {
  const accessJwt = pds.mintToken(chains.atcute.accessJwt, { exp: nowSeconds() - 60 });
  const session = new PasswordSession({ ...chains.atcute, accessJwt }, { fetch: counter.fetch });
  const rpc = new Client({ handler: session });

  return {
    call: () => ok(rpc.get('com.atproto.server.getSession')),
    finish: () => void (chains.atcute = session.session),
  };
}

async function logIn(pds: LocalPds): Promise<Chains> {
  const lexforgeAccount = await createLocalAccount(pds, 'lexforge');
  const atcuteAccount = await createLocalAccount(pds, 'atcute');
  const client = new AtpClient({ service: pds.url });
  const lexforge = await client.authenticate(lexforgeAccount.handle, lexforgeAccount.password);
  const atcute = await PasswordSession.login({
    service: pds.url,
    identifier: atcuteAccount.handle,
    password: atcuteAccount.password,
  });

  return { lexforge, atcute: atcute.session };
}

function spread(values: readonly number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);

  return min === max ? `${min} every round` : `${min}–${max}`;
}

function resultTable(
  samples: ReadonlyMap<string, number[]>,
  counts: ReadonlyMap<string, RoundCounts[]>,
): ResultTable {
  const ratio = formatRatio(
    summarize(
      roundRatios(samplesOf(samples, REFUSED_LEXFORGE), samplesOf(samples, REFUSED_ATCUTE)),
    ),
  );
  const rows = [...samples.keys()].map((name) => {
    const rounds = counts.get(name) ?? [];

    return [
      name,
      spread(rounds.map(({ refreshes }) => refreshes)),
      spread(rounds.map(({ requests }) => requests)),
      spread(rounds.map(({ failures }) => failures)),
      formatTime(summarize(samplesOf(samples, name))),
      name === REFUSED_LEXFORGE ? ratio : '—',
    ];
  });

  return {
    caption: prose(
      `${CALLS} concurrent \`com.atproto.server.getSession\` calls with an expired access token,`,
      `on a local PDS:`,
    ),
    headers: [
      'Client, situation',
      'refreshSession calls',
      'Requests',
      'Failed calls',
      'Time to settle all, median (min–max)',
      'lexforge ÷ atcute, per round',
    ],
    rows,
  };
}

function sharesOneRefresh(counts: ReadonlyMap<string, RoundCounts[]>): boolean {
  return [EXPIRED_AT_CLIENT, REFUSED_LEXFORGE].every((name) =>
    (counts.get(name) ?? []).every(({ refreshes, failures }) => refreshes === 1 && failures === 0),
  );
}

async function run(context: BenchContext): Promise<BenchReport> {
  const pds = await bootLocalPds(context.temp);

  try {
    const chains = await logIn(pds);
    const counter = countingFetch();
    const counts = new Map<string, RoundCounts[]>();
    const runners = [
      situation(EXPIRED_AT_CLIENT, counter, counts, () => expiredAtClient(pds, chains, counter)),
      situation(REFUSED_LEXFORGE, counter, counts, () => refusedLexforge(pds, chains, counter)),
      situation(REFUSED_ATCUTE, counter, counts, () => refusedAtcute(pds, chains, counter)),
    ];
    const samples = await runRounds(runners, roundsFor(context, 5, 2));

    return report(samples, counts);
  } finally {
    await pds.close();
  }
}

function report(
  samples: ReadonlyMap<string, number[]>,
  counts: ReadonlyMap<string, RoundCounts[]>,
): BenchReport {
  const one = sharesOneRefresh(counts);

  return {
    tables: [resultTable(samples, counts)],
    targets: [
      {
        target: `lexforge: one refreshSession for ${CALLS} concurrent calls, none failing`,
        met: one,
        measured: one ? '1 in every round' : 'see the table',
      },
    ],
    notes: [
      prose(
        "`@atproto/dev-env`'s `TestNetworkNoAppView` runs in the benchmark's own process, so the",
        "times include the server's work. Each client logs in once with its password; each round",
        'then gives a fresh client the session with a re-signed access token, and carries the',
        'rotated tokens on to the next round.',
      ),
      prose(
        `Token expired before the calls: the token's \`exp\` passes while the client holds it`,
        `(\`expiryMargin: 0\`); the client notices before sending and renews once for all calls,`,
        `so no call is refused.`,
      ),
      prose(
        `Token refused by the server: the token expired a minute ago but the client's clock is`,
        `taken to be ${SKEW_MS / 60_000} minutes behind (lexforge: \`expiryMargin: -${SKEW_MS}\`;`,
        `atcute does not read \`exp\`), so every call is sent, answered \`400 ExpiredToken\`, and`,
        `replayed after one shared refresh.`,
      ),
    ],
  };
}

/** Many concurrent calls with an expired access token on a local PDS: how many refreshes. */
export const refreshBenchmark: Benchmark = { name: 'refresh', title: 'Refresh under load', run };
