import { compareText, reportUnclassified } from './compare-common.js';
import { compareConstraints, CONSTRAINT_FIELDS } from './compare-constraints.js';
import { compareFields } from './compare-fields.js';
import {
  compareMethod,
  comparePermissionSet,
  compareRecord,
  compareSubscription,
  PRIMARY_FIELDS,
} from './compare-primary.js';
import { compareRef, compareUnion } from './compare-refs.js';
import type { DiffScope } from './diff-scope.js';
import { isSchemaNode, sameJson, show } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** How one lexicon type is compared: the fields its comparer covers, and the comparer. */
interface TypeRule {
  fields: readonly string[];
  compare?: (before: SchemaNode, after: SchemaNode, scope: DiffScope) => void;
}

const RULES: Readonly<Record<string, TypeRule>> = {
  record: { fields: PRIMARY_FIELDS.record, compare: compareRecord },
  query: { fields: PRIMARY_FIELDS.method, compare: compareMethod },
  procedure: { fields: PRIMARY_FIELDS.method, compare: compareMethod },
  subscription: { fields: PRIMARY_FIELDS.subscription, compare: compareSubscription },
  'permission-set': { fields: PRIMARY_FIELDS.permissionSet, compare: comparePermissionSet },
  object: { fields: ['properties', 'required', 'nullable'], compare: compareFields },
  params: { fields: ['properties', 'required'], compare: compareFields },
  array: { fields: ['items', ...CONSTRAINT_FIELDS], compare: compareArray },
  string: { fields: CONSTRAINT_FIELDS, compare: compareConstraints },
  integer: { fields: CONSTRAINT_FIELDS, compare: compareConstraints },
  boolean: { fields: CONSTRAINT_FIELDS, compare: compareConstraints },
  bytes: { fields: CONSTRAINT_FIELDS, compare: compareConstraints },
  blob: { fields: CONSTRAINT_FIELDS, compare: compareConstraints },
  ref: { fields: ['ref'], compare: compareRef },
  union: { fields: ['refs', 'closed'], compare: compareUnion },
  'cid-link': { fields: [] },
  token: { fields: [] },
  unknown: { fields: [] },
};

/**
 * Compares two versions of a schema node of any lexicon type and reports what changed. Fields no
 * rule covers, such as those of a type this diff does not know, are reported as unclassified.
 */
export function compareSchema(before: unknown, after: unknown, scope: DiffScope): void {
  if (!isSchemaNode(before) || !isSchemaNode(after)) {
    if (!sameJson(before, after)) {
      scope.report('unclassified-change', `Change not classified: ${scope.path}`);
    }

    return;
  }

  if (before['type'] !== after['type']) return compareAcrossTypes(before, after, scope);

  const rule = RULES[show(before['type'])];

  compareText(before, after, scope, 'description');
  rule?.compare?.(before, after, scope);
  reportUnclassified(before, after, scope, rule?.fields ?? []);
}

function compareArray(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  compareConstraints(before, after, scope);
  scope.compareAt(before['items'], after['items'], 'items');
}

function compareAcrossTypes(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const inlined = inlineRefs(before, after, scope);

  if (inlined !== undefined) return compareSchema(inlined[0], inlined[1], scope);

  scope
    .at('type')
    .report('type-changed', `Type changed: ${show(before['type'])} -> ${show(after['type'])}`);
}

// @NOTE A ref and the def it points to describe the same data, so a schema moved into a named def,
// or back inline, is compared by its shape, not by how it is spelled.
function inlineRefs(
  before: SchemaNode,
  after: SchemaNode,
  scope: DiffScope,
): [SchemaNode, SchemaNode] | undefined {
  const old = before['type'] === 'ref' ? scope.resolve('old', show(before['ref'])) : before;
  const next = after['type'] === 'ref' ? scope.resolve('new', show(after['ref'])) : after;

  return old !== undefined && next !== undefined && old['type'] === next['type']
    ? [old, next]
    : undefined;
}
