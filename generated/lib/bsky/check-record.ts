import { XrpcValidationError } from '@lexforge/runtime';
import * as v from 'valibot';

import type { XrpcValidationIssue } from '@lexforge/runtime';

const RECEIVED_LENGTH = 40;

function formatPath(path: readonly v.IssuePathItem[] | undefined): string {
  const keys = (path ?? []).map(({ key }) =>
    typeof key === 'number' ? `[${key}]` : `.${String(key)}`,
  );

  return `$${keys.join('')}`;
}

function shorten(received: string): string {
  return received.length > RECEIVED_LENGTH ? `${received.slice(0, RECEIVED_LENGTH)}…` : received;
}

function toIssue(issue: v.BaseIssue<unknown>): XrpcValidationIssue {
  return {
    path: formatPath(issue.path),
    kind: issue.kind,
    type: issue.type,
    expected: issue.expected,
    received: shorten(issue.received),
  };
}

/**
 * Checks a record value against its lexicon schema in full (formats and lengths included), the
 * way a write checks it before sending.
 *
 * @throws {XrpcValidationError} with target `input`, naming the collection and the first path
 * @example
 * const post = checkRecord(AppBskyFeedPost.NSID, AppBskyFeedPost.mainSchema, json);
 */
export function checkRecord<T>(
  nsid: string,
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
): T {
  const result = v.safeParse(schema, value);

  if (result.success) return result.output;

  throw new XrpcValidationError({ nsid, target: 'input', issues: result.issues.map(toIssue) });
}
