/**
 * Waits for `promise`, or rejects with the signal's reason as soon as `signal` aborts. The work
 * behind `promise` goes on: the resolver uses this to let one caller give up on a lookup that other
 * callers share.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;

  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);

    if (signal.aborted) return onAbort();

    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
