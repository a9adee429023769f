import * as v from 'valibot';

import { adoptIssues, type RunDataset } from './nested-issues.js';
import { schemaCheck, type SchemaCheck } from './schema-check.js';

interface LexArraySchema extends v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>> {
  readonly type: 'lex_array';
  readonly item: v.GenericSchema;
  readonly bounds: LexArrayBounds;
}

/** Bounds on the number of items, as a lexicon `array` declares them. */
export interface LexArrayBounds {
  minLength?: number;
  maxLength?: number;
}

function checkLength(
  schema: LexArraySchema,
  dataset: RunDataset,
  config: v.Config<v.BaseIssue<unknown>>,
  length: number,
): void {
  const { minLength = 0, maxLength = Infinity } = schema.bounds;

  if (length >= minLength && length <= maxLength) return;

  const context = {
    kind: 'validation',
    type: 'length',
    reference: lexArray,
    expects: `${minLength} to ${maxLength} items`,
  };

  v._addIssue(context as never, 'length', dataset as never, config, { received: `${length}` });
}

function compileCheck(this: LexArraySchema): SchemaCheck {
  const { minLength = 0, maxLength = Infinity } = this.bounds;
  const check = schemaCheck(this.item);

  return (value) => {
    if (!Array.isArray(value) || value.length < minLength || value.length > maxLength) return false;

    // a loop rather than `every`, which would skip the holes of a sparse array
    for (let index = 0; index < value.length; index++) if (!check(value[index])) return false;

    return true;
  };
}

function run(
  this: LexArraySchema,
  dataset: RunDataset,
  config: v.Config<v.BaseIssue<unknown>>,
): RunDataset {
  const input = dataset.value;

  if (!Array.isArray(input)) {
    v._addIssue(this, 'type', dataset as never, config);

    return dataset;
  }

  dataset.typed = true;

  if (schemaCheck(this)(input)) return dataset;

  for (let key = 0; key < input.length; key++) {
    const result = this.item['~run']({ value: input[key] }, config) as RunDataset;

    if (result.issues !== undefined) {
      adoptIssues(dataset, result.issues, {
        type: 'array',
        origin: 'value',
        input,
        key,
        value: input[key],
      });
    }
    if (result.typed !== true) dataset.typed = false;
  }

  checkLength(this, dataset, config, input.length);

  return dataset;
}

/**
 * A lexicon array: checks every item, and the item count as a constraint (lenient reads accept a
 * count out of bounds). Like `lexObject`, it returns the array it checked instead of a copy.
 */
export function lexArray<T>(
  item: v.GenericSchema,
  bounds: LexArrayBounds = {},
): v.GenericSchema<unknown, T[]> {
  const schema = {
    kind: 'schema',
    type: 'lex_array',
    reference: lexArray,
    expects: 'Array',
    async: false,
    item,
    bounds,
    '~run': run,
    '~check': compileCheck,
  };

  return v._standardSchema(schema as never) as unknown as v.GenericSchema<unknown, T[]>;
}
