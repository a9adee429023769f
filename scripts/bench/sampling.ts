/** The centre and spread of a series of measurements. */
export interface Summary {
  readonly count: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** The first quartile. */
  readonly q1: number;
  /** The third quartile. */
  readonly q3: number;
}

/** One side of a side-by-side measurement: a name and a function that returns one sample. */
export interface Contestant {
  readonly name: string;
  /** Takes one measurement, e.g. milliseconds of wall time; setup it needs stays outside it. */
  readonly measure: () => Promise<number>;
  /**
   * The measured rounds it takes part in, the first ones, for a contestant too slow to take them
   * all; it sits the warm-up out then.
   * @default every round
   */
  readonly rounds?: number | undefined;
}

/** How many rounds to run; every contestant takes one sample per round. */
export interface RoundPlan {
  /** Rounds whose samples are thrown away (JIT, file caches). */
  readonly warmup: number;
  readonly rounds: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;

  return low + (high - low) * (position - lower);
}

/**
 * Summarises samples: median, extremes and quartiles (linear interpolation between ranks).
 *
 * @throws {RangeError} when there is no sample
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('Samples to summarize: none');

  const sorted = [...samples].sort((a, b) => a - b);

  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/**
 * Divides two series taken in the same rounds, round by round, so that drift of the machine
 * during the run weighs on both sides of each ratio alike. A contestant that sat out the last
 * rounds is compared over the rounds it took.
 *
 * @throws {RangeError} when either series is empty
 */
export function roundRatios(
  numerators: readonly number[],
  denominators: readonly number[],
): number[] {
  const shared = Math.min(numerators.length, denominators.length);

  if (shared === 0) throw new RangeError('Series to divide: no shared round');

  return numerators.slice(0, shared).map((value, index) => value / (denominators[index] ?? 0));
}

function takesPart(contestant: Contestant, measuredRound: number): boolean {
  if (contestant.rounds === undefined) return true;

  return measuredRound >= 0 && measuredRound < contestant.rounds;
}

/**
 * Runs contestants side by side: in each round every contestant takes one sample, the order
 * rotating from round to round so that none always runs first or last.
 *
 * @returns the samples of each contestant, by name, warm-up rounds left out
 * @throws what a contestant's `measure` throws
 */
export async function runRounds(
  contestants: readonly Contestant[],
  plan: RoundPlan,
  onRound: (round: number) => void = () => undefined,
): Promise<Map<string, number[]>> {
  const samples = new Map(contestants.map(({ name }) => [name, [] as number[]]));

  for (let round = 0; round < plan.warmup + plan.rounds; round += 1) {
    onRound(round - plan.warmup);

    for (let turn = 0; turn < contestants.length; turn += 1) {
      const contestant = contestants[(round + turn) % contestants.length];

      if (contestant === undefined || !takesPart(contestant, round - plan.warmup)) continue;

      const sample = await contestant.measure();

      if (round >= plan.warmup) samples.get(contestant.name)?.push(sample);
    }
  }

  return samples;
}

/**
 * Returns the samples of one contestant.
 *
 * @throws {Error} when the contestant took no sample
 */
export function samplesOf(samples: ReadonlyMap<string, number[]>, name: string): number[] {
  const series = samples.get(name);

  if (series === undefined || series.length === 0) throw new Error(`Samples of ${name}: none`);

  return series;
}
