import * as v from 'valibot';

interface Dataset {
  value: unknown;
  typed?: boolean;
  issues?: v.BaseIssue<unknown>[] | undefined;
}

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

function addItemIssues(
  dataset: Dataset,
  issues: v.BaseIssue<unknown>[],
  input: unknown[],
  key: number,
): void {
  const pathItem: v.ArrayPathItem = {
    type: 'array',
    origin: 'value',
    input,
    key,
    value: input[key],
  };

  for (const issue of issues) {
    const mutable = issue as { path?: v.IssuePathItem[] };

    if (mutable.path === undefined) mutable.path = [pathItem];
    else mutable.path.unshift(pathItem);
  }

  if (dataset.issues === undefined) dataset.issues = issues;
  else dataset.issues.push(...issues);
}

function checkLength(
  schema: LexArraySchema,
  dataset: Dataset,
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

function run(
  this: LexArraySchema,
  dataset: Dataset,
  config: v.Config<v.BaseIssue<unknown>>,
): Dataset {
  const input = dataset.value;

  if (!Array.isArray(input)) {
    v._addIssue(this, 'type', dataset as never, config);

    return dataset;
  }

  dataset.typed = true;

  for (let key = 0; key < input.length; key++) {
    const result = this.item['~run']({ value: input[key] }, config) as Dataset;

    if (result.issues !== undefined) addItemIssues(dataset, result.issues, input, key);
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
  };

  return v._standardSchema(schema as never) as unknown as v.GenericSchema<unknown, T[]>;
}
