import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { roundsFor } from './benchmark.js';
import { costRows, summarizeProfile } from './cpu-profile.js';
import { timelinePage } from './fixtures/timeline.js';
import { formatFactor, formatMs, formatNanos, formatRatio, prose } from './format.js';
import { profileWhile } from './profile-in-process.js';
import { roundRatios, runRounds, samplesOf, summarize } from './sampling.js';
import { atcuteValidator, atprotoValidator, lexforgeValidator } from './validators.js';

import type {
  BenchContext,
  BenchReport,
  Benchmark,
  ResultTable,
  TargetCheck,
} from './benchmark.js';
import type { Contestant } from './sampling.js';
import type { Shape, Validator } from './validators.js';

/** lexforge should take at most this share of atcute's time per value. */
const TARGET = 0.8;

const FIXTURES = fileURLToPath(new URL('fixtures/', import.meta.url));

/** A set of values validated together, and whether every library should accept them. */
interface ValueSet {
  readonly label: string;
  readonly shape: Shape;
  readonly values: readonly unknown[];
  readonly valid: boolean;
}

async function readFixture<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as T;
}

async function loadValueSets(): Promise<ValueSet[]> {
  const posts = await readFixture<{ record: unknown }[]>('posts.json');
  const invalid = await readFixture<{ record: unknown }>('invalid-post.json');
  const page = timelinePage(30);

  return [
    {
      label: `${posts.length} posts with facets and embeds`,
      shape: 'post',
      values: posts.map(({ record }) => record),
      valid: true,
    },
    { label: 'timeline page of 30 feed items', shape: 'timeline', values: [page], valid: true },
    {
      label: 'detailed profile',
      shape: 'profile',
      values: [await readFixture('profile.json')],
      valid: true,
    },
    { label: 'invalid post (refused)', shape: 'post', values: [invalid.record], valid: false },
  ];
}

/** Lists every value a library judges otherwise than expected, with its reason. */
function disagreements(set: ValueSet, validators: readonly Validator[]): string[] {
  return validators.flatMap((validator) =>
    set.values.flatMap((value, index) => {
      const verdict = validator.verdict(set.shape, validator.prepare(value));

      if (verdict.ok === set.valid) return [];

      const why = verdict.ok ? 'accepts it' : `refuses it: ${verdict.problem}`;

      return [`${validator.name} ${why} (${set.label}, value ${index + 1})`];
    }),
  );
}

/** Times passes over a value set; each sample is nanoseconds per value. */
function contestant(validator: Validator, set: ValueSet, sampleMs: number): Contestant {
  const check = validator.check(set.shape);
  const values = set.values.map((value) => validator.prepare(value));
  const pass = () => values.reduce<number>((count, value) => count + (check(value) ? 1 : 0), 0);
  let passes = 0;

  return {
    name: validator.name,
    measure: async () => {
      passes ||= calibrate(pass, sampleMs);

      const started = performance.now();
      let accepted = 0;

      for (let index = 0; index < passes; index += 1) accepted += pass();

      const elapsed = performance.now() - started;

      if (accepted !== (set.valid ? passes * values.length : 0)) {
        throw new Error(`Validation by ${validator.name} changed its verdict on ${set.label}`);
      }

      return (elapsed * 1e6) / (passes * values.length);
    },
  };
}

/** Warms a pass up and returns how many passes fill about `sampleMs`. */
function calibrate(pass: () => number, sampleMs: number): number {
  const started = performance.now();
  let count = 0;

  while (performance.now() - started < sampleMs * 2) {
    pass();
    count += 1;
  }

  return Math.max(1, Math.round(count / 2));
}

interface SetResult {
  readonly set: ValueSet;
  readonly samples: Map<string, number[]>;
}

function ratioCell(result: SetResult, peer: string): string {
  const ratios = roundRatios(
    samplesOf(result.samples, lexforgeValidator.name),
    samplesOf(result.samples, peer),
  );

  return formatRatio(summarize(ratios), 'iqr');
}

function resultRow(result: SetResult, names: readonly string[]): string[] {
  const times = names.map((name) => formatNanos(summarize(samplesOf(result.samples, name))));
  const ratios = names.slice(1).map((peer) => ratioCell(result, peer));

  return [result.set.label, ...times, ...ratios];
}

function targetOf(result: SetResult): TargetCheck {
  const ratio = summarize(
    roundRatios(
      samplesOf(result.samples, lexforgeValidator.name),
      samplesOf(result.samples, atcuteValidator.name),
    ),
  ).median;

  return {
    target: `${result.set.label}: lexforge ÷ atcute ≤ ${TARGET}`,
    met: ratio <= TARGET,
    measured: formatFactor(ratio),
  };
}

/** Runs lexforge alone over each valid set in turn, for an equal time each, under the profiler. */
async function profileLexforge(context: BenchContext, sets: readonly ValueSet[]) {
  const passes = sets
    .filter(({ valid }) => valid)
    .map(({ shape, values }) => ({ check: lexforgeValidator.check(shape), values }));
  const sliceMs = (context.options.quick ? 500 : 1500) / passes.length;
  const profile = await profileWhile(async () => {
    for (const { check, values } of passes) {
      const started = performance.now();

      while (performance.now() - started < sliceMs) values.forEach(check);
    }
  });

  return summarizeProfile(profile, context.root);
}

async function profileTables(context: BenchContext, sets: readonly ValueSet[]) {
  const summary = await profileLexforge(context, sets);
  const total = summary.totalMs;
  const tables: ResultTable[] = [
    {
      caption: prose(
        `Profile of lexforge validating the valid sets, an equal time each (${formatMs(total)} of`,
        `samples), self time by area:`,
      ),
      headers: ['Area', 'CPU time', 'Share'],
      rows: costRows(summary.areas, total),
    },
    {
      caption: 'Self time by function:',
      headers: ['Function (file:line as run)', 'CPU time', 'Share'],
      rows: costRows(summary.functions, total),
    },
  ];

  return tables;
}

/** How the values are sampled: rounds, warm-up and the length of one sample. */
interface SamplePlan {
  readonly warmup: number;
  readonly rounds: number;
  readonly sampleMs: number;
}

async function measureSets(
  context: BenchContext,
  validators: readonly Validator[],
  sets: readonly ValueSet[],
  plan: SamplePlan,
): Promise<SetResult[]> {
  const results: SetResult[] = [];

  for (const set of sets) {
    const runners = validators.map((validator) => contestant(validator, set, plan.sampleMs));

    context.logger.debug(`validation: ${set.label}`);
    results.push({ set, samples: await runRounds(runners, plan) });
  }

  return results;
}

function notesOf(refused: readonly string[], plan: SamplePlan, profiled: boolean): string[] {
  const agreement =
    refused.length === 0 ? 'all agreed' : `left out where they did not: ${refused.join('; ')}`;

  return [
    prose(
      `Every library was first checked to accept each valid value and to refuse the invalid one;`,
      `${agreement}.`,
    ),
    prose(
      'lexforge: `v.safeParse` with the generated valibot schema (`app.bsky.feed.post`',
      '`mainSchema`, `getTimeline` `outputSchema`, `app.bsky.actor.defs`',
      '`profileViewDetailedSchema`); atcute: `safeParse` of `@atcute/lexicons` with the',
      '`@atcute/bluesky` schemas; `@atproto/lexicon`: a `Lexicons` of the same documents,',
      '`assertValidRecord` and `assertValidXrpcOutput` (getTimeline, getProfile).',
    ),
    prose(
      "lexforge's schemas first run the field checks the generator writes beside each object",
      '(keys spelled out, primitives and formats tested inline, no valibot dataset or issue); a',
      'value they refuse is then walked by valibot to collect its issues, which is why the invalid',
      'post costs more than a valid one. atcute builds similar checks at run time with',
      '`new Function`; lexforge writes them at build time, so they also run where `eval` is',
      'forbidden.',
    ),
    prose(
      '`@atproto/lexicon` validates its own value form: CID links and blobs are converted with',
      '`jsonToLex` once, outside the timed loop. The other two validate the JSON as parsed.',
    ),
    prose(
      `Each sample runs the value set in a loop for about ${plan.sampleMs} ms; ${plan.rounds}`,
      `rounds after ${plan.warmup} warm-up rounds, the libraries in rotating order, all in one`,
      `process.`,
    ),
    ...(profiled
      ? [
          prose(
            'A target was missed, so lexforge was profiled in process (inspector, 100 µs sampling)',
            "on the valid sets; `~run of lazy` is the `~run` method of the schema valibot's `lazy`",
            'returns, and likewise for the others.',
          ),
        ]
      : []),
    prose(
      'The posts are hand-written records (mention, link and tag facets, images with blobs and',
      'aspect ratios, an external card, a quote reply, a quote with images and self-labels); the',
      'timeline page is built by `scripts/bench/fixtures/timeline.ts` (image, external, quote and',
      'quote-with-media views, replies with a blocked root, reposts, labels, viewer state).',
    ),
  ];
}

async function run(context: BenchContext): Promise<BenchReport> {
  const root = join(context.root, 'lexicons');
  const validators = [lexforgeValidator, atcuteValidator, await atprotoValidator(root)];
  const names = validators.map(({ name }) => name);
  const sets = await loadValueSets();
  const refused = sets.flatMap((set) => disagreements(set, validators));
  const timed = sets.filter((set) => disagreements(set, validators).length === 0);
  const plan = {
    ...roundsFor(context, 21, 5),
    warmup: 2,
    sampleMs: context.options.quick ? 10 : 50,
  };
  const results = await measureSets(context, validators, timed, plan);
  const targets = results.filter(({ set }) => set.valid).map(targetOf);
  const missed = targets.some(({ met }) => met === false);
  const profile = missed ? await profileTables(context, timed) : [];

  return {
    tables: [
      {
        caption: 'Time per value and ratios per round, median (interquartile range):',
        headers: ['Values', ...names, ...names.slice(1).map((name) => `lexforge ÷ ${name}`)],
        rows: results.map((result) => resultRow(result, names)),
      },
      ...profile,
    ],
    targets,
    notes: notesOf(refused, plan, missed),
  };
}

/** Validation of realistic posts, a timeline page and a profile by lexforge and the peers. */
export const validationBenchmark: Benchmark = {
  name: 'validation',
  title: 'Validation throughput',
  run,
};
