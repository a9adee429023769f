import { compareText, reportUnclassified } from './compare-common.js';
import { compareSchema } from './compare-schema.js';
import { DiffScope } from './diff-scope.js';
import type { DiffRun } from './diff-scope.js';
import type { DiffFinding, DiffSummary, DocumentChanges, LexiconDiff } from './diff-report.js';
import { entriesOf, isSchemaNode, keysOf } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** Lexicon documents as parsed JSON, keyed by NSID. */
export type LexiconDocuments = Readonly<Record<string, unknown>>;

/**
 * Compares two versions of a set of lexicon documents and classifies every change by the lexicon
 * evolution rules: `breaking`, `compatible`, or `info` for prose. Pure: it reads nothing else and
 * changes neither input.
 *
 * @example
 * const diff = diffLexicons(before, after);
 *
 * if (hasBreakingChanges(diff)) process.exitCode = 1;
 */
export function diffLexicons(before: LexiconDocuments, after: LexiconDocuments): LexiconDiff {
  const run: DiffRun = {
    documents: { old: before, new: after },
    findings: [],
    compare: compareSchema,
  };
  const added = missingFrom(before, after);
  const removed = missingFrom(after, before);

  reportDocuments(run, added, 'added');
  reportDocuments(run, removed, 'removed');

  const kept = Object.keys(after)
    .filter((nsid) => Object.hasOwn(before, nsid))
    .sort();
  const changed = kept.flatMap((nsid) => compareDocument(run, nsid));
  const findings = run.findings.sort(byPlace);
  const summary = summarize({ added, removed, changed }, findings);

  return { summary, documents: { added, removed, changed }, findings };
}

/** The NSIDs of `from` that `documents` lacks, sorted. */
function missingFrom(documents: LexiconDocuments, from: LexiconDocuments): string[] {
  return Object.keys(from)
    .filter((nsid) => !Object.hasOwn(documents, nsid))
    .sort();
}

function reportDocuments(
  run: DiffRun,
  nsids: readonly string[],
  change: 'added' | 'removed',
): void {
  for (const nsid of nsids) {
    documentAt(run, nsid).report(`document-${change}`, `Document ${change}: ${nsid}`);
  }
}

function documentAt(run: DiffRun, nsid: string): DiffScope {
  return new DiffScope(run, nsid, null, '$');
}

function defAt(run: DiffRun, nsid: string, def: string): DiffScope {
  return new DiffScope(run, nsid, def, '$.defs').at(def);
}

function asNode(value: unknown): SchemaNode {
  return isSchemaNode(value) ? value : {};
}

function compareDocument(run: DiffRun, nsid: string): DocumentChanges[] {
  const before = asNode(run.documents.old[nsid]);
  const after = asNode(run.documents.new[nsid]);
  const scope = documentAt(run, nsid);
  const start = run.findings.length;

  compareText(before, after, scope, 'description');
  reportUnclassified(before, after, scope, ['id', 'defs']);

  const defs = compareDefs(run, nsid, entriesOf(before, 'defs'), entriesOf(after, 'defs'));

  return run.findings.length > start ? [{ nsid, defs }] : [];
}

function compareDefs(
  run: DiffRun,
  nsid: string,
  before: SchemaNode,
  after: SchemaNode,
): DocumentChanges['defs'] {
  const defs: DocumentChanges['defs'] = { added: [], removed: [], changed: [] };

  for (const def of keysOf(before, after)) {
    if (!Object.hasOwn(after, def)) {
      defs.removed.push(def);
      defAt(run, nsid, def).report('def-removed', `Def removed: ${def}`);
    } else if (!Object.hasOwn(before, def)) {
      defs.added.push(def);
      defAt(run, nsid, def).report('def-added', `Def added: ${def}`);
    } else if (compareDef(run, defAt(run, nsid, def), before[def], after[def])) {
      defs.changed.push(def);
    }
  }

  return defs;
}

/** Compares the two versions of a def; tells whether anything changed. */
function compareDef(run: DiffRun, scope: DiffScope, before: unknown, after: unknown): boolean {
  const start = run.findings.length;

  compareSchema(before, after, scope);

  return run.findings.length > start;
}

function byPlace(a: DiffFinding, b: DiffFinding): number {
  const left = [a.nsid, a.path, a.kind, a.message];
  const right = [b.nsid, b.path, b.kind, b.message];
  const index = left.findIndex((value, at) => value !== right[at]);

  if (index === -1) return 0;

  return (left[index] as string) < (right[index] as string) ? -1 : 1;
}

function summarize(
  documents: LexiconDiff['documents'],
  findings: readonly DiffFinding[],
): DiffSummary {
  const count = (verdict: DiffFinding['verdict']) =>
    findings.filter((finding) => finding.verdict === verdict).length;

  return {
    documents: {
      added: documents.added.length,
      removed: documents.removed.length,
      changed: documents.changed.length,
    },
    findings: { breaking: count('breaking'), compatible: count('compatible'), info: count('info') },
  };
}
