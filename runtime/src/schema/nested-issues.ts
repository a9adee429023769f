import type * as v from 'valibot';

/** A dataset as a schema's `~run` gets and returns it. */
export interface RunDataset {
  value: unknown;
  typed?: boolean;
  issues?: v.BaseIssue<unknown>[] | undefined;
}

/** Moves the issues of a nested value into its parent's dataset, each path starting at `at`. */
export function adoptIssues(
  dataset: RunDataset,
  issues: v.BaseIssue<unknown>[],
  at: v.IssuePathItem,
): void {
  for (const issue of issues) {
    const mutable = issue as { path?: v.IssuePathItem[] };

    if (mutable.path === undefined) mutable.path = [at];
    else mutable.path.unshift(at);
  }

  if (dataset.issues === undefined) dataset.issues = issues;
  else dataset.issues.push(...issues);
}
