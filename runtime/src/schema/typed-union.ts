import * as v from 'valibot';

import { markTyped } from './ipld-schemas.js';
import { schemaCheck, type SchemaCheck } from './schema-check.js';

type MemberGetter = () => v.GenericSchema;

interface TypedUnionSchema extends v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>> {
  readonly type: 'typed_union';
  readonly members: Readonly<Record<string, MemberGetter>>;
  readonly closed: boolean;
}

function isTypedObject(value: unknown): value is { $type: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

function compileCheck(this: TypedUnionSchema): SchemaCheck {
  const checks = new Map<string, SchemaCheck>();

  const memberCheck = (type: string): SchemaCheck | undefined => {
    const known = checks.get(type);

    if (known !== undefined) return known;

    const member = Object.hasOwn(this.members, type) ? this.members[type] : undefined;
    const check = member === undefined ? undefined : schemaCheck(member());

    if (check !== undefined) checks.set(type, check);

    return check;
  };

  return (value) => {
    if (!isTypedObject(value)) return false;

    const check = memberCheck(value.$type);

    return check === undefined ? !this.closed : check(value);
  };
}

function run(
  this: TypedUnionSchema,
  dataset: v.UnknownDataset,
  config: v.Config<v.BaseIssue<unknown>>,
): v.OutputDataset<unknown, v.BaseIssue<unknown>> {
  const value = dataset.value;

  if (!isTypedObject(value)) {
    v._addIssue(this, 'type', dataset, config, { expected: 'Object with $type' });

    return dataset as unknown as v.OutputDataset<unknown, v.BaseIssue<unknown>>;
  }

  const member = Object.hasOwn(this.members, value.$type) ? this.members[value.$type] : undefined;

  if (member !== undefined) return member()['~run'](dataset, config);

  if (this.closed) {
    v._addIssue(this, '$type', dataset, config, {
      expected: Object.keys(this.members).join(' | '),
      received: JSON.stringify(value.$type),
    });
  } else {
    // an open union keeps variants from newer lexicons, typed as UnknownTypedObject
    markTyped(dataset);
  }

  return dataset as unknown as v.OutputDataset<unknown, v.BaseIssue<unknown>>;
}

/**
 * A lexicon union: objects told apart by `$type`. An open union accepts a `$type` it does not
 * know and passes the object through; a closed one rejects it.
 */
export function typedUnion<T>(
  members: Readonly<Record<string, MemberGetter>>,
  closed: boolean,
): v.GenericSchema<unknown, T> {
  const schema = {
    kind: 'schema',
    type: 'typed_union',
    reference: typedUnion,
    expects: 'Object',
    async: false,
    members,
    closed,
    '~run': run,
    '~check': compileCheck,
  };

  return v._standardSchema(schema as never) as unknown as v.GenericSchema<unknown, T>;
}
