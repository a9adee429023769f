/** A fetch that counts the XRPC requests going through it, by NSID and by answer. */
export interface CountingFetch {
  readonly fetch: typeof globalThis.fetch;
  /** Requests of one method since the last reset. */
  count(nsid: string): number;
  /** All requests since the last reset. */
  total(): number;
  /** Answers with the given XRPC error name since the last reset. */
  errors(name: string): number;
  reset(): void;
}

function nsidOf(input: RequestInfo | URL): string {
  const url = input instanceof Request ? input.url : String(input);

  return new URL(url).pathname.replace(/^\/xrpc\//, '');
}

async function errorName(response: Response): Promise<string | undefined> {
  if (response.ok) return undefined;

  try {
    const body = (await response.clone().json()) as { error?: unknown };

    return typeof body.error === 'string' ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/** Wraps the global fetch to count what a client sends. */
export function countingFetch(): CountingFetch {
  let nsids: string[] = [];
  let errorNames: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    nsids.push(nsidOf(input));

    const response = await globalThis.fetch(input, init);
    const name = await errorName(response);

    if (name !== undefined) errorNames.push(name);

    return response;
  };

  return {
    fetch,
    count: (nsid) => nsids.filter((name) => name === nsid).length,
    total: () => nsids.length,
    errors: (name) => errorNames.filter((error) => error === name).length,
    reset: () => {
      nsids = [];
      errorNames = [];
    },
  };
}
