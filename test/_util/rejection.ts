/** Awaits `promise` and returns its rejection reason; fails when it fulfils instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }

  throw new Error('Expected a rejection, but the promise fulfilled');
}
