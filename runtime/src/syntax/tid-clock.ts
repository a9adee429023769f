import { TID_MAX_CLOCK_ID, formatTid } from './tid.js';

/** A source of TIDs that only ever go up. */
export interface TidClock {
  /** The clock identifier written into every TID, 0 to 1023. */
  readonly clockId: number;
  /** Returns a TID greater than every TID this clock returned before. */
  next(): string;
}

// @NOTE: timestamps are wall-clock milliseconds padded to microseconds, not
// `performance.timeOrigin + performance.now()`: the monotonic clock stops while a machine sleeps,
// so after a suspend its TIDs would lag real time by the length of the sleep. The wall clock can
// step back or repeat a millisecond; the clock then counts on one microsecond past the last TID,
// so the output never repeats or decreases, and it rejoins real time once the wall clock passes.
class WallTidClock implements TidClock {
  readonly clockId: number;
  #lastUs = -1;

  constructor(clockId: number) {
    this.clockId = clockId;
  }

  next(): string {
    this.#lastUs = Math.max(Date.now() * 1000, this.#lastUs + 1);

    return formatTid(this.#lastUs, this.clockId);
  }
}

function randomClockId(): number {
  return Math.floor(Math.random() * (TID_MAX_CLOCK_ID + 1));
}

/**
 * Creates a TID clock. Each clock is monotonic on its own; give clocks that write to the same
 * repository distinct identifiers.
 *
 * @param clockId - the clock identifier, 0 to 1023; a random one when omitted
 * @throws RangeError when `clockId` is not an integer from 0 to 1023
 * @example
 * ```ts
 * const clock = createTidClock();
 * const rkey = clock.next(); // e.g. '3lbq5emsh3c2x'
 * ```
 */
export function createTidClock(clockId: number = randomClockId()): TidClock {
  if (!Number.isInteger(clockId) || clockId < 0 || clockId > TID_MAX_CLOCK_ID) {
    throw new RangeError(`TID clock ID out of range: ${clockId}`);
  }

  return new WallTidClock(clockId);
}

let sharedClock: TidClock | undefined;

/**
 * Returns the next TID of a process-wide clock with a random identifier, created on first use.
 *
 * @example
 * ```ts
 * const rkey = nextTid();
 * ```
 */
export function nextTid(): string {
  sharedClock ??= createTidClock();

  return sharedClock.next();
}
