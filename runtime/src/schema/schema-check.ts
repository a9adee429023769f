import type * as v from 'valibot';

/**
 * A yes-or-no test of a value against a schema, without valibot's datasets and issues for the
 * schemas lexicons are made of (the runtime's own, and valibot's primitives, literals, pipes,
 * lazy refs). `true` promises that running the schema would report no issue; `false` only says
 * "run the schema to learn why", since a check may refuse what the schema accepts.
 */
export type SchemaCheck = (value: unknown) => boolean;

type Action = v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>;

interface SchemaParts {
  readonly type: string;
  readonly pipe?: readonly Action[];
  readonly '~check'?: () => SchemaCheck;
}

type CompileByType = (schema: never) => SchemaCheck;

function requirementCheck({ requirement }: { requirement: SchemaCheck }): SchemaCheck {
  return (value) => requirement(value);
}

/** Value checks of the valibot actions that lexicon schemas use; others take the slow path. */
const ACTION_CHECKS: Readonly<Record<string, (action: never) => SchemaCheck>> = {
  integer: () => (value) => Number.isInteger(value),
  min_value:
    ({ requirement }: { requirement: number }) =>
    (value) =>
      (value as number) >= requirement,
  max_value:
    ({ requirement }: { requirement: number }) =>
    (value) =>
      (value as number) <= requirement,
  check: requirementCheck,
  string_format: requirementCheck,
  utf8_length: requirementCheck,
  grapheme_length: requirementCheck,
};

const checks = new WeakMap<object, SchemaCheck>();

function runCheck(schema: v.GenericSchema): SchemaCheck {
  const config = { abortEarly: true };

  return (value) => {
    const dataset = schema['~run']({ value }, config) as { typed: boolean; issues?: unknown };

    return dataset.typed && dataset.issues === undefined;
  };
}

function actionCheck(action: Action): SchemaCheck | undefined {
  if (action.kind === 'metadata') return () => true;
  if (action.kind !== 'validation') return undefined;

  // formats and lengths are `v.check` actions renamed, see string-checks.ts
  const build = Object.hasOwn(ACTION_CHECKS, action.type) ? ACTION_CHECKS[action.type] : undefined;

  return build?.(action as never);
}

function pipeCheck(schema: v.GenericSchema, pipe: readonly Action[]): SchemaCheck {
  const [root, ...actions] = pipe;
  const steps = actions.map(actionCheck);

  if (steps.includes(undefined)) return runCheck(schema);

  const rootCheck = schemaCheck(root as v.GenericSchema);
  const all = steps as SchemaCheck[];

  return (value) => {
    if (!rootCheck(value)) return false;

    for (const step of all) if (!step(value)) return false;

    return true;
  };
}

function lazyCheck(getter: (input: unknown) => v.GenericSchema): SchemaCheck {
  let last: v.GenericSchema | undefined;
  let lastCheck: SchemaCheck = () => false;

  return (value) => {
    const schema = getter(value);

    if (schema !== last) {
      last = schema;
      lastCheck = schemaCheck(schema);
    }

    return lastCheck(value);
  };
}

function nullableCheck(schema: { wrapped: v.GenericSchema; default?: unknown }): SchemaCheck {
  const wrapped = schemaCheck(schema.wrapped);

  if (schema.default !== undefined) return runCheck(schema as unknown as v.GenericSchema);

  return (value) => value === null || wrapped(value);
}

/** The checks of the schema types lexicon schemas are made of; others are run. */
const TYPE_CHECKS: Readonly<Record<string, CompileByType>> = {
  string: () => (value) => typeof value === 'string',
  number: () => (value) => typeof value === 'number' && !Number.isNaN(value),
  boolean: () => (value) => typeof value === 'boolean',
  literal:
    ({ literal }: { literal: unknown }) =>
    (value) =>
      value === literal,
  picklist:
    ({ options }: { options: readonly unknown[] }) =>
    (value) =>
      options.includes(value),
  lazy: ({ getter }: { getter: (input: unknown) => v.GenericSchema }) => lazyCheck(getter),
  nullable: nullableCheck,
};

function compile(schema: v.GenericSchema): SchemaCheck {
  const parts = schema as unknown as SchemaParts;

  if (parts.pipe !== undefined) return pipeCheck(schema, parts.pipe);
  if (parts['~check'] !== undefined) return parts['~check']();

  const build = Object.hasOwn(TYPE_CHECKS, parts.type) ? TYPE_CHECKS[parts.type] : undefined;

  return build === undefined ? runCheck(schema) : build(schema as never);
}

/**
 * The check of a schema, built on first use and kept. Lexicon schemas (`lexObject`, `lexArray`,
 * `typedUnion`) run it before anything else, so that a valid value costs no valibot datasets or
 * issues; schemas it does not know are run, and their result tested.
 *
 * @NOTE: a refused value is then walked by the schema, whose nested lexicon schemas run their own
 * checks again on the way: an invalid value costs more than a valid one, by the depth of the walk.
 */
export function schemaCheck(schema: v.GenericSchema): SchemaCheck {
  let check = checks.get(schema);

  if (check === undefined) {
    check = compile(schema);
    checks.set(schema, check);
  }

  return check;
}
