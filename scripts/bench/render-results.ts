import { formatMs, renderTable, wrapText } from './format.js';

import type { BenchReport, Benchmark, TargetCheck } from './benchmark.js';

/** How one benchmark ended: its report, or the error that stopped it. */
export interface BenchOutcome {
  readonly benchmark: Benchmark;
  readonly milliseconds: number;
  readonly report?: BenchReport;
  readonly error?: Error;
}

/** A whole run of `npm run bench`, as it is published. */
export interface RunRecord {
  readonly date: Date;
  /** The command exactly as typed, e.g. `npm run bench -- --slow`. */
  readonly command: string;
  readonly milliseconds: number;
  /** `name version` lines: Node, the machine, lexforge and every peer. */
  readonly environment: readonly string[];
  readonly outcomes: readonly BenchOutcome[];
}

function verdict(check: TargetCheck): string {
  if (check.met === undefined) return 'not measured';

  return check.met ? 'met' : 'missed';
}

function renderTargets(targets: readonly TargetCheck[]): string {
  const rows = targets.map((check) => [check.target, check.measured, verdict(check)]);

  return renderTable({ headers: ['Target', 'Measured', 'Verdict'], rows });
}

function renderOutcome(outcome: BenchOutcome): string {
  const { benchmark, report, error } = outcome;
  const title = `### ${benchmark.title} (\`${benchmark.name}\`, ${formatMs(outcome.milliseconds)})`;

  if (report === undefined) return `${title}\n\nFailed: ${error?.message ?? 'no report'}`;

  const tables = report.tables.map((table) =>
    table.caption === undefined
      ? renderTable(table)
      : `${wrapText(table.caption)}\n\n${renderTable(table)}`,
  );
  const targets = report.targets.length > 0 ? [renderTargets(report.targets)] : [];
  const notes = report.notes.map((note) => wrapText(note, 100, '- ', '  ')).join('\n');

  return [title, ...tables, ...targets, ...(notes === '' ? [] : [notes])].join('\n\n');
}

/** Renders the results section: when, where and how it was run, then one part per benchmark. */
export function renderResults(record: RunRecord): string {
  const date = record.date.toISOString().slice(0, 16).replace('T', ' ');
  const header = wrapText(
    `Run on ${date} UTC with \`${record.command}\`, in ${formatMs(record.milliseconds)} in all.`,
  );
  const environment = record.environment.map((line) => wrapText(line, 100, '- ', '  ')).join('\n');

  return [header, environment, ...record.outcomes.map(renderOutcome)].join('\n\n');
}

/** Renders what a run printed on the terminal: the same parts, without the environment. */
export function renderSummary(record: RunRecord): string {
  return record.outcomes.map(renderOutcome).join('\n\n');
}
