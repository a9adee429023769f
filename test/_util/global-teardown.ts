/** Stops the network and services booted by the global setup and removes every file they wrote. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.lexforgeNetwork;

  if (running === undefined) return;

  globalThis.lexforgeNetwork = undefined;
  await running.close();
}
