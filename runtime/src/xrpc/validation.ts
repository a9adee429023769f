import { safeParse } from 'valibot';

import { excerpt } from '../errors/redact.js';
import { XrpcValidationError } from '../errors/xrpc-validation-error.js';

import type { BaseIssue, GenericSchema, IssuePathItem } from 'valibot';
import type { XrpcValidationIssue, XrpcValidationTarget } from '../errors/xrpc-validation-error.js';

/**
 * How strictly a response body is checked against the method's output schema:
 * - `strict`: every issue fails the call;
 * - `lenient`: constraint issues (formats, lengths, ranges) are tolerated, wrong types and missing
 *   keys fail the call;
 * - `off`: the parsed JSON is returned unchecked.
 */
export type ValidationMode = 'strict' | 'lenient' | 'off';

const RECEIVED_LENGTH = 40;

function formatPath(path: readonly IssuePathItem[] | undefined): string {
  const keys = (path ?? []).map(({ key }) =>
    typeof key === 'number' ? `[${key}]` : `.${String(key)}`,
  );

  return `$${keys.join('')}`;
}

function toIssue(issue: BaseIssue<unknown>): XrpcValidationIssue {
  return {
    path: formatPath(issue.path),
    kind: issue.kind,
    type: issue.type,
    expected: issue.expected,
    received: excerpt(issue.received, RECEIVED_LENGTH),
  };
}

function fail(
  nsid: string,
  target: XrpcValidationTarget,
  issues: readonly BaseIssue<unknown>[],
  body?: unknown,
): XrpcValidationError {
  return new XrpcValidationError({ nsid, target, issues: issues.map(toIssue), body });
}

/**
 * Parses params or input before they are sent: any issue refuses the call.
 *
 * @throws {XrpcValidationError} when the value does not match the schema
 */
export function parseOutgoing<T>(
  nsid: string,
  target: 'params' | 'input',
  schema: GenericSchema<unknown, T> | undefined,
  value: unknown,
): T {
  if (schema === undefined) return value as T;

  const result = safeParse(schema, value);

  if (!result.success) throw fail(nsid, target, result.issues);

  return result.output;
}

/**
 * Casts a parsed response body to the method's output type according to the validation mode.
 *
 * @throws {XrpcValidationError} when the body fails the mode; the error keeps the body
 */
export function castOutput<O>(
  nsid: string,
  schema: GenericSchema<unknown, O> | undefined,
  body: unknown,
  mode: ValidationMode,
): O {
  if (mode === 'off' || schema === undefined) return body as O;

  const result = safeParse(schema, body);

  if (result.success) return result.output;

  const tolerated = result.issues.every((issue) => issue.kind === 'validation');

  if (mode === 'lenient' && result.typed && tolerated) return result.output;

  throw fail(nsid, 'output', result.issues, body);
}

/**
 * Builds the error for a single issue found outside a schema, e.g. a param value that cannot be put
 * into a query string or a missing binary body.
 */
export function singleIssueError(
  nsid: string,
  target: XrpcValidationTarget,
  issue: XrpcValidationIssue,
): XrpcValidationError {
  return new XrpcValidationError({ nsid, target, issues: [issue] });
}
