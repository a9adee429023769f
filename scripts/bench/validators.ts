import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { AppBskyActorDefs, AppBskyFeedGetTimeline, AppBskyFeedPost } from '@atcute/bluesky';
import { safeParse as atcuteParse } from '@atcute/lexicons';
import { Lexicons, jsonToLex } from '@atproto/lexicon';
import * as v from 'valibot';

import { profileViewDetailedSchema } from '@lexforge/api/app/bsky/actor/defs';
import { mainSchema as postSchema } from '@lexforge/api/app/bsky/feed/post';
import { outputSchema as timelineSchema } from '@lexforge/api/app/bsky/feed/getTimeline';

import type { BaseSchema } from '@atcute/lexicons/validations';
import type { LexiconDoc } from '@atproto/lexicon';

/** The kinds of value validated: a post record, a timeline page, a detailed profile. */
export type Shape = 'post' | 'timeline' | 'profile';

/** The outcome of validating one value: accepted, or the first problem found. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** One library's way of validating each shape. */
export interface Validator {
  readonly name: string;
  /**
   * Turns a JSON value into what the library validates, outside the timed loop (e.g. CID links
   * into CID objects).
   */
  prepare(value: unknown): unknown;
  /** Returns a fast check of a shape, the function that is timed. */
  check(shape: Shape): (value: unknown) => boolean;
  /** Validates once and says why a value is refused. */
  verdict(shape: Shape, value: unknown): Verdict;
}

const LEXFORGE_SCHEMAS: Record<Shape, v.GenericSchema> = {
  post: postSchema,
  timeline: timelineSchema,
  profile: profileViewDetailedSchema,
};

/** lexforge: its generated valibot schemas through `v.safeParse`. */
export const lexforgeValidator: Validator = {
  name: 'lexforge',
  prepare: (value) => value,
  check: (shape) => {
    const schema = LEXFORGE_SCHEMAS[shape];

    return (value) => v.safeParse(schema, value).success;
  },
  verdict: (shape, value) => {
    const result = v.safeParse(LEXFORGE_SCHEMAS[shape], value);
    const [issue] = result.issues ?? [];
    const path = issue?.path?.map(({ key }) => String(key)).join('.') ?? '';

    return result.success ? { ok: true } : { ok: false, problem: `${path}: ${issue?.message}` };
  },
};

const ATCUTE_SCHEMAS: Record<Shape, BaseSchema> = {
  post: AppBskyFeedPost.mainSchema,
  timeline: AppBskyFeedGetTimeline.mainSchema.output.schema,
  profile: AppBskyActorDefs.profileViewDetailedSchema,
};

/** atcute: the schemas of `@atcute/bluesky` through `safeParse` of `@atcute/lexicons`. */
export const atcuteValidator: Validator = {
  name: 'atcute',
  prepare: (value) => value,
  check: (shape) => {
    const schema = ATCUTE_SCHEMAS[shape];

    return (value) => atcuteParse(schema, value).ok;
  },
  verdict: (shape, value) => {
    const result = atcuteParse(ATCUTE_SCHEMAS[shape], value);

    return result.ok ? { ok: true } : { ok: false, problem: result.message };
  },
};

async function readDocs(dir: string): Promise<LexiconDoc[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter(({ name }) => name.endsWith('.json') && name !== 'manifest.json');

  return Promise.all(
    files.map(async (entry) => {
      const text = await readFile(join(entry.parentPath, entry.name), 'utf8');

      return JSON.parse(text) as LexiconDoc;
    }),
  );
}

function atprotoCheck(lexicons: Lexicons, shape: Shape): (value: unknown) => void {
  switch (shape) {
    case 'post':
      return (value) => lexicons.assertValidRecord('app.bsky.feed.post', value);
    case 'timeline':
      return (value) => lexicons.assertValidXrpcOutput('app.bsky.feed.getTimeline', value);
    case 'profile':
      return (value) => lexicons.assertValidXrpcOutput('app.bsky.actor.getProfile', value);
  }
}

/**
 * `@atproto/lexicon`: a `Lexicons` of every document in `dir`, asserting records and query
 * outputs; values are converted with `jsonToLex` first, as that library expects.
 */
export async function atprotoValidator(dir: string): Promise<Validator> {
  const lexicons = new Lexicons(await readDocs(dir));

  return {
    name: '@atproto/lexicon',
    prepare: (value) => jsonToLex(value as Parameters<typeof jsonToLex>[0]),
    check: (shape) => {
      const assert = atprotoCheck(lexicons, shape);

      return (value) => {
        try {
          assert(value);

          return true;
        } catch {
          return false;
        }
      };
    },
    verdict: (shape, value) => {
      try {
        atprotoCheck(lexicons, shape)(value);

        return { ok: true };
      } catch (error) {
        return { ok: false, problem: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
