import { describe, expect, test } from '@jest/globals';

import { TtlCache } from '../../../runtime/src/identity/ttl-cache.js';

import type { TtlCacheOptions } from '../../../runtime/src/identity/ttl-cache.js';

const LASTING = new Error('Lasting failure');

function createCache(clock: { now: number }, extra: Partial<TtlCacheOptions> = {}) {
  const loads: string[] = [];
  const cache = new TtlCache<string>({
    ttl: 100,
    failureTtl: 10,
    isLasting: (error) => error === LASTING,
    now: () => clock.now,
    maxEntries: 10,
    ...extra,
  });
  const get = (key: string, outcome: () => string = () => `${key}${loads.length - 1}`) =>
    cache.get(key, async () => {
      loads.push(key);

      return outcome();
    });

  return { cache, loads, get };
}

describe(TtlCache, () => {
  test('serves a value until its TTL runs out', async () => {
    const clock = { now: 0 };
    const { get, loads } = createCache(clock);

    await expect(get('a')).resolves.toBe('a0');
    clock.now = 99;
    await expect(get('a')).resolves.toBe('a0');
    clock.now = 100;
    await expect(get('a')).resolves.toBe('a1');
    expect(loads).toEqual(['a', 'a']);
  });

  test('serves a lasting failure for the failure TTL and forgets other failures', async () => {
    const clock = { now: 0 };
    const { get, loads } = createCache(clock);
    const passing = new Error('Passing failure');
    const fail = (error: Error) => () => {
      throw error;
    };

    await expect(get('a', fail(LASTING))).rejects.toBe(LASTING);
    await expect(get('a')).rejects.toBe(LASTING);
    clock.now = 10;
    await expect(get('a')).resolves.toBe('a1');

    await expect(get('b', fail(passing))).rejects.toBe(passing);
    await expect(get('b')).resolves.toBe('b3');
    expect(loads).toEqual(['a', 'a', 'b', 'b']);
  });

  test('forgets the oldest key once it holds the most keys', async () => {
    const clock = { now: 0 };
    const { get, loads } = createCache(clock, { maxEntries: 2 });

    await get('a');
    await get('b');
    await get('c');
    await get('b');
    await get('a');

    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });
});
