import { describe, expect, test } from '@jest/globals';

import { roundRatios, runRounds, summarize } from '../../../scripts/bench/sampling.js';

describe(summarize, () => {
  test('finds the median, extremes and quartiles of unsorted samples', () => {
    expect(summarize([9, 1, 5, 3, 7])).toEqual({
      count: 5,
      median: 5,
      min: 1,
      max: 9,
      q1: 3,
      q3: 7,
    });
  });

  test('interpolates between ranks for an even count', () => {
    expect(summarize([4, 1, 3, 2])).toMatchObject({ median: 2.5, q1: 1.75, q3: 3.25 });
  });

  test('refuses an empty series', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe(roundRatios, () => {
  test('divides the series round by round', () => {
    expect(roundRatios([2, 9], [4, 3])).toEqual([0.5, 3]);
  });

  test('compares a shorter series over the rounds it took', () => {
    expect(roundRatios([2, 9, 4], [4, 3])).toEqual([0.5, 3]);
  });

  test('refuses an empty series', () => {
    expect(() => roundRatios([1, 2], [])).toThrow('Series to divide: no shared round');
  });
});

describe(runRounds, () => {
  test('rotates the order each round and drops the warm-up samples', async () => {
    const order: string[] = [];
    let clock = 0;
    const contestant = (name: string) => ({
      name,
      measure: async () => {
        order.push(name);
        clock += 1;

        return clock;
      },
    });

    const samples = await runRounds([contestant('a'), contestant('b'), contestant('c')], {
      warmup: 1,
      rounds: 2,
    });

    expect(order).toEqual(['a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
    expect(Object.fromEntries(samples)).toEqual({ a: [6, 8], b: [4, 9], c: [5, 7] });
  });

  test('lets a slow contestant take the first rounds only, without warming up', async () => {
    const order: string[] = [];
    const contestant = (name: string, rounds?: number) => ({
      name,
      rounds,
      measure: async () => order.push(name),
    });

    const samples = await runRounds([contestant('fast'), contestant('slow', 1)], {
      warmup: 1,
      rounds: 3,
    });

    expect(order).toEqual(['fast', 'slow', 'fast', 'fast', 'fast']);
    expect(samples.get('slow')).toHaveLength(1);
    expect(samples.get('fast')).toHaveLength(3);
  });
});
