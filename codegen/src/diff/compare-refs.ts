import type { DiffScope } from './diff-scope.js';
import { show, stringsOf } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** Compares the targets of two refs; a new target is a new type, however alike the two are. */
export function compareRef(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const old = scope.ref(show(before['ref']));
  const next = scope.ref(show(after['ref']));

  if (old !== next) scope.at('ref').report('ref-changed', `Ref target changed: ${old} -> ${next}`);
}

/** Compares the members of two unions and whether each is closed. */
export function compareUnion(before: SchemaNode, after: SchemaNode, scope: DiffScope): void {
  const old = new Set(stringsOf(before, 'refs').map((ref) => scope.ref(ref)));
  const next = new Set(stringsOf(after, 'refs').map((ref) => scope.ref(ref)));
  const wasClosed = before['closed'] === true;
  const refs = scope.at('refs');

  for (const ref of [...old].filter((member) => !next.has(member)).sort()) {
    refs.report('union-member-removed', `Union member removed: ${ref}`);
  }

  for (const ref of [...next].filter((member) => !old.has(member)).sort()) {
    refs.report(
      wasClosed ? 'closed-union-widened' : 'union-member-added',
      `Union member added: ${ref}`,
    );
  }

  compareClosed(wasClosed, after['closed'] === true, [...next], scope.at('closed'));
}

function compareClosed(
  wasClosed: boolean,
  isClosed: boolean,
  refs: string[],
  scope: DiffScope,
): void {
  if (wasClosed === isClosed) return;

  const change = isClosed ? 'closed' : 'opened';

  scope.report(`union-${change}`, `Union ${change}: ${refs.join(', ')}`);
}
