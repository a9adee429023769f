/**
 * The abort signal of one attempt: the caller's signal joined with a deadline for reading the
 * response body, which ky's per-attempt timeout does not cover once the headers have arrived.
 */
export class CallSignal {
  readonly #caller: AbortSignal | undefined;
  readonly #deadline = new AbortController();

  /** The signal to hand to ky. */
  readonly signal: AbortSignal;

  constructor(caller: AbortSignal | undefined) {
    this.#caller = caller;
    this.signal =
      caller === undefined
        ? this.#deadline.signal
        : AbortSignal.any([caller, this.#deadline.signal]);
  }

  /** Whether the caller aborted. */
  get aborted(): boolean {
    return this.#caller?.aborted ?? false;
  }

  /** The caller's abort reason. */
  get reason(): unknown {
    return this.#caller?.reason;
  }

  /** Whether the body deadline passed. */
  get timedOut(): boolean {
    return this.#deadline.signal.aborted;
  }

  /** Runs `read`, aborting the attempt when it takes longer than `timeout` milliseconds. */
  async within<T>(timeout: number | false, read: () => Promise<T>): Promise<T> {
    if (timeout === false) return read();

    const timer = setTimeout(() => this.#deadline.abort(), timeout);

    try {
      return await read();
    } finally {
      clearTimeout(timer);
    }
  }
}
