import * as v from 'valibot';

import { isJsonObject } from './json-object.js';
import { adoptIssues, type RunDataset } from './nested-issues.js';
import { schemaCheck, type SchemaCheck } from './schema-check.js';

type Entries = Readonly<Record<string, v.GenericSchema>>;

/**
 * A generated check of an object's fields: `checks[i]` is the check of the `i`-th entry's schema
 * (unwrapped from `v.exactOptional`), for the fields it does not test inline.
 */
export type LexObjectCheck = (
  object: Readonly<Record<string, unknown>>,
  checks: readonly SchemaCheck[],
) => boolean;

interface Field {
  readonly key: string;
  readonly optional: boolean;
  readonly schema: v.GenericSchema;
}

interface LexObjectSchema extends v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>> {
  readonly type: 'lex_object';
  readonly entries: Entries;
  readonly fields: readonly Field[];
  readonly generated: LexObjectCheck | undefined;
}

function toField([key, schema]: [string, v.GenericSchema]): Field {
  const optional = schema.type === 'exact_optional';
  const inner = optional ? (schema as unknown as { wrapped: v.GenericSchema }).wrapped : schema;

  return { key, optional, schema: inner };
}

/**
 * Whether the check may read the fields of a value with `value[key]`: only where nothing is
 * inherited but what `Object.prototype` has, as in parsed JSON. Other objects (class instances,
 * maps, objects made with `Object.create`) take the full walk, which reads own properties only.
 */
function hasPlainPrototype(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;

  return prototype === Object.prototype || prototype === null;
}

function compileCheck(this: LexObjectSchema): SchemaCheck {
  const generated = this.generated;

  if (generated !== undefined) {
    const checks = this.fields.map(({ schema }) => schemaCheck(schema));

    return (value) => isJsonObject(value) && hasPlainPrototype(value) && generated(value, checks);
  }

  // a key that objects inherit (`constructor`, `toString`) must be an own property to count
  const steps = this.fields.map(({ key, optional, schema }) => ({
    key,
    optional,
    inherited: key in Object.prototype,
    check: schemaCheck(schema),
  }));

  return (value) => {
    if (!isJsonObject(value) || !hasPlainPrototype(value)) return false;

    for (const { key, optional, inherited, check } of steps) {
      const item = value[key];

      if (item === undefined || (inherited && !Object.hasOwn(value, key))) {
        if (!optional) return false;
      } else if (!check(item)) return false;
    }

    return true;
  };
}

function run(
  this: LexObjectSchema,
  dataset: RunDataset,
  config: v.Config<v.BaseIssue<unknown>>,
): RunDataset {
  const input = dataset.value;

  if (!isJsonObject(input)) {
    v._addIssue(this, 'type', dataset as never, config);

    return dataset;
  }

  dataset.typed = true;

  if (schemaCheck(this)(input)) return dataset;

  for (const field of this.fields) {
    const value = Object.hasOwn(input, field.key) ? input[field.key] : undefined;

    if (value === undefined) {
      if (!field.optional) {
        const path: [v.ObjectPathItem] = [
          { type: 'object', origin: 'key', input, key: field.key, value },
        ];

        v._addIssue(this, 'key', dataset as never, config, {
          input: undefined,
          expected: `"${field.key}"`,
          path,
        });
      }

      continue;
    }

    const result = field.schema['~run']({ value }, config) as RunDataset;

    if (result.issues !== undefined) {
      const at: v.ObjectPathItem = {
        type: 'object',
        origin: 'value',
        input,
        key: field.key,
        value,
      };

      adoptIssues(dataset, result.issues, at);
    }
    if (result.typed !== true) dataset.typed = false;
  }

  return dataset;
}

/**
 * A lexicon object: checks the known fields (wrap optional ones in `v.exactOptional`) and keeps
 * every other field. Unlike `v.looseObject` it does not copy the object: the output is the input,
 * since lexicon schemas never transform values, which spares an allocation per object on the hot
 * path of validating responses.
 *
 * A valid object is recognised by an allocation-free check first; only an invalid one is walked
 * again to collect its issues. `check`, which the generator writes, is that check with the keys
 * spelled out, which engines run faster than a loop over keys; it must accept nothing the entries
 * refuse.
 */
export function lexObject<T>(
  entries: Entries,
  check?: LexObjectCheck,
): v.GenericSchema<unknown, T> {
  const schema = {
    kind: 'schema',
    type: 'lex_object',
    reference: lexObject,
    expects: 'Object',
    async: false,
    entries,
    fields: Object.entries(entries).map(toField),
    generated: check,
    '~run': run,
    '~check': compileCheck,
  };

  return v._standardSchema(schema as never) as unknown as v.GenericSchema<unknown, T>;
}
