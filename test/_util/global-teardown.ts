import { rmSync } from 'node:fs';

/** Stops the network booted by the global setup and removes every file it wrote. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.lexforgeNetwork;

  if (running === undefined) return;

  await running.network.close();
  rmSync(running.dataDir, { recursive: true, force: true });
  globalThis.lexforgeNetwork = undefined;
}
