/** An abort signal that fires when a timeout elapses or the caller aborts, whichever is first. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** The timeout, in milliseconds. */
  readonly timeout: number;
  /** Whether the timeout elapsed (and not merely the caller aborted). */
  expired(): boolean;
  /** Throws the caller's abort reason if the caller aborted. */
  throwIfCallerAborted(): void;
}

/** Starts a deadline of `timeout` milliseconds, tied to the caller's `signal` when there is one. */
export function startDeadline(timeout: number, caller?: AbortSignal): Deadline {
  const timer = AbortSignal.timeout(timeout);
  const signal = caller === undefined ? timer : AbortSignal.any([caller, timer]);

  return {
    signal,
    timeout,
    expired: () => timer.aborted && caller?.aborted !== true,
    throwIfCallerAborted: () => caller?.throwIfAborted(),
  };
}
