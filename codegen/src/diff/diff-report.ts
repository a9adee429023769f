import type { DiffKind } from './change-kinds.js';

/**
 * How a change affects what was valid before: `breaking` when data, requests or readers made for
 * the old lexicon may fail with the new one, `compatible` when they keep working, `info` when
 * nothing a validator or generated type sees has changed (descriptions, titles).
 */
export type DiffVerdict = 'breaking' | 'compatible' | 'info';

/** One change between two versions of a lexicon document. */
export interface DiffFinding {
  nsid: string;
  /** The def the change is in; `null` for a change of the whole document. */
  def: string | null;
  /** Where the change is, as a JSON path in the document, e.g. `$.defs.main.record.properties`. */
  path: string;
  kind: DiffKind;
  verdict: DiffVerdict;
  /** One line, subject first, e.g. `Field removed: text`. */
  message: string;
}

/** The defs of a document present in both versions, by what happened to them; each list sorted. */
export interface DocumentChanges {
  nsid: string;
  defs: { added: string[]; removed: string[]; changed: string[] };
}

/** Counts of a diff: documents by fate, findings by verdict. */
export interface DiffSummary {
  documents: { added: number; removed: number; changed: number };
  findings: Record<DiffVerdict, number>;
}

/**
 * What changed between two sets of lexicon documents. Documents are sorted by NSID; findings by
 * NSID, then path, then kind, so the same input always gives the same report.
 */
export interface LexiconDiff {
  summary: DiffSummary;
  documents: { added: string[]; removed: string[]; changed: DocumentChanges[] };
  /** Every finding, those about whole documents included. */
  findings: DiffFinding[];
}

/** Tells whether a diff holds at least one breaking finding. */
export function hasBreakingChanges(diff: LexiconDiff): boolean {
  return diff.summary.findings.breaking > 0;
}
