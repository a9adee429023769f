/** Runs `run` and returns what it throws; fails when it returns instead. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }

  throw new Error('Expected a throw, but the call returned');
}
