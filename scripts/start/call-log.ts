import type { Hooks } from 'ky';

/** Records the XRPC methods a client calls, in order, so each step can say what it cost. */
export class CallLog {
  readonly #calls: string[] = [];

  /** ky hooks to pass in a client's options. */
  get hooks(): Hooks {
    return {
      beforeRequest: [
        ({ request }) => void this.#calls.push(new URL(request.url).pathname.slice(6)),
      ],
    };
  }

  /** Returns the calls made since the last `take()` and forgets them. */
  take(): string[] {
    return this.#calls.splice(0);
  }
}
