import * as v from 'valibot';

import { adoptIssues, type RunDataset } from './nested-issues.js';

type Entries = Readonly<Record<string, v.GenericSchema>>;

interface Field {
  readonly key: string;
  readonly optional: boolean;
  readonly schema: v.GenericSchema;
}

interface LexObjectSchema extends v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>> {
  readonly type: 'lex_object';
  readonly entries: Entries;
  readonly fields: readonly Field[];
}

function toField([key, schema]: [string, v.GenericSchema]): Field {
  const optional = schema.type === 'exact_optional';
  const inner = optional ? (schema as unknown as { wrapped: v.GenericSchema }).wrapped : schema;

  return { key, optional, schema: inner };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function run(
  this: LexObjectSchema,
  dataset: RunDataset,
  config: v.Config<v.BaseIssue<unknown>>,
): RunDataset {
  const input = dataset.value;

  if (!isPlainObject(input)) {
    v._addIssue(this, 'type', dataset as never, config);

    return dataset;
  }

  dataset.typed = true;

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
 */
export function lexObject<T>(entries: Entries): v.GenericSchema<unknown, T> {
  const schema = {
    kind: 'schema',
    type: 'lex_object',
    reference: lexObject,
    expects: 'Object',
    async: false,
    entries,
    fields: Object.entries(entries).map(toField),
    '~run': run,
  };

  return v._standardSchema(schema as never) as unknown as v.GenericSchema<unknown, T>;
}
