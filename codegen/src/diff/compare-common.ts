import type { DiffScope } from './diff-scope.js';
import { keysOf, sameJson } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** Reports a changed piece of prose, such as `description` or `title`, as information. */
export function compareText(
  before: SchemaNode,
  after: SchemaNode,
  scope: DiffScope,
  key: string,
): void {
  if (sameJson(before[key], after[key])) return;

  const change =
    before[key] === undefined ? 'added' : after[key] === undefined ? 'removed' : 'changed';

  scope.at(key).report('description-changed', `Text ${change}: ${key}`);
}

/** Reports every differing field that no rule covers, outside `type`, `description` and `known`. */
export function reportUnclassified(
  before: SchemaNode,
  after: SchemaNode,
  scope: DiffScope,
  known: readonly string[],
): void {
  const covered = new Set(['type', 'description', ...known]);

  for (const key of keysOf(before, after)) {
    if (covered.has(key) || sameJson(before[key], after[key])) continue;

    scope.at(key).report('unclassified-change', `Change not classified: ${key}`);
  }
}
