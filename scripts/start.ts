// `npm start`: regenerates the API when the lexicons changed, boots a local atproto network in
// this process (PLC + PDS, and the AppView when PostgreSQL and Redis are at hand) and walks through
// an account's session life on it, printing each step and the server calls it cost. Everything it
// starts and writes is gone when it ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateAll } from './generate.js';
import { startLocalNetwork } from '../codegen/src/local-network.js';
import { runSessionWorkflow } from './start/session-workflow.js';
import type { StepResult } from './start/step-result.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function ensureGenerated(): Promise<void> {
  const stale = (await generateAll('check')).flatMap((result) => result.stale);

  if (stale.length === 0) {
    console.log('Generated code is up to date with lexicons/');

    return;
  }

  await generateAll('write');
  console.log(`Regenerated ${stale.length} out-of-date files from lexicons/`);
}

function printStep(index: number, result: StepResult): void {
  const calls = result.calls.length === 0 ? 'none' : result.calls.join(', ');

  console.log(`\n${index}. ${result.title}\n   ${result.outcome}\n   server calls: ${calls}`);
}

function summary(results: readonly StepResult[]): string {
  const counts = new Map<string, number>();

  for (const call of results.flatMap((result) => result.calls)) {
    counts.set(call, (counts.get(call) ?? 0) + 1);
  }

  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const byMethod = [...counts].map(([nsid, count]) => `${nsid.split('.').pop()} ×${count}`);

  return `${results.length} steps, ${total} server calls (${byMethod.join(', ')})`;
}

async function main(): Promise<void> {
  const started = performance.now();

  console.log('lexforge: the session workflow on a local atproto network\n');
  await ensureGenerated();

  const network = await startLocalNetwork({ rootDir: root });
  const dir = mkdtempSync(join(tmpdir(), 'lexforge-start-'));
  const appView =
    network.appView === undefined ? `no AppView (${network.noAppViewReason})` : 'AppView';

  console.log(
    `Network up in ${seconds(started)}: PLC ${network.plcUrl}, PDS ${network.pdsUrl}, ${appView}`,
  );

  try {
    let step = 0;
    const results = await runSessionWorkflow(network, {
      dir,
      onStep: (result) => printStep(++step, result),
    });

    console.log(`\nDone: ${summary(results)}, in ${seconds(started)}`);
  } finally {
    await network.close();
    rmSync(dir, { recursive: true, force: true });
    console.log('Stopped the network and removed its temporary data');
  }
}

await main();
