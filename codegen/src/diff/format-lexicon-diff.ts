import type { DiffFinding, DiffVerdict, LexiconDiff } from './diff-report.js';

const VERDICT_ORDER: readonly DiffVerdict[] = ['breaking', 'compatible', 'info'];

const INDENT = '  ';

/**
 * Renders a diff for people: a summary line, the documents added and removed, then each changed
 * document with its findings, breaking ones first. The same diff always gives the same text.
 */
export function formatLexiconDiff(diff: LexiconDiff): string {
  const lines = [
    summaryLine(diff),
    ...listSection('Added documents', diff.documents.added),
    ...listSection('Removed documents', diff.documents.removed),
    ...diff.documents.changed.flatMap(({ nsid }) => documentSection(nsid, diff.findings)),
  ];

  return `${lines.join('\n')}\n`;
}

function summaryLine({ summary }: LexiconDiff): string {
  const { added, removed, changed } = summary.documents;
  const { breaking, compatible, info } = summary.findings;

  return (
    `Documents: ${added} added, ${removed} removed, ${changed} changed; ` +
    `findings: ${breaking} breaking, ${compatible} compatible, ${info} info`
  );
}

function listSection(title: string, nsids: readonly string[]): string[] {
  if (nsids.length === 0) return [];

  return ['', `${title} (${nsids.length}):`, ...nsids.map((nsid) => `${INDENT}${nsid}`)];
}

function documentSection(nsid: string, findings: readonly DiffFinding[]): string[] {
  const own = findings.filter((finding) => finding.nsid === nsid);
  const sorted = VERDICT_ORDER.flatMap((verdict) => own.filter((f) => f.verdict === verdict));

  return ['', `${nsid}:`, ...sorted.map(findingLine)];
}

function findingLine({ verdict, path, message }: DiffFinding): string {
  return `${INDENT}${verdict.padEnd(10)}  ${path}  ${message}`;
}
