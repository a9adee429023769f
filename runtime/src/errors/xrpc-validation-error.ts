import { XrpcError } from './xrpc-error.js';

/** Which part of a call failed its schema. */
export type XrpcValidationTarget = 'params' | 'input' | 'output';

/** One schema violation, stripped of the offending value itself. */
export interface XrpcValidationIssue {
  /** Where the violation is, as a path from the root `$`, e.g. `$.record.text` or `$.uris[2]`. */
  readonly path: string;
  /** `schema` for a wrong type or a missing key, `validation` for a failed constraint. */
  readonly kind: 'schema' | 'validation' | 'transformation';
  /** The check that failed, e.g. `string`, `max_length`, `regex`. */
  readonly type: string;
  /** What the check expected, e.g. `string` or `<=300`. */
  readonly expected: string | null;
  /** A short, redacted description of what it got, e.g. `5` or `undefined`. */
  readonly received: string;
}

/** The parts of an {@link XrpcValidationError}. */
export interface XrpcValidationErrorDetails {
  /** The NSID of the method that was called. */
  readonly nsid: string;
  readonly target: XrpcValidationTarget;
  /** At least one issue. */
  readonly issues: readonly XrpcValidationIssue[];
  /** For `output`: the body as the server sent it. */
  readonly body?: unknown;
}

/** Checks of the runtime whose `expected` names them (`did format`, `at most 64 graphemes`). */
const SELF_DESCRIBED = new Set(['string_format', 'utf8_length', 'grapheme_length']);

function describeIssue(issue: XrpcValidationIssue): string {
  if (issue.kind === 'schema' && issue.received === 'undefined' && issue.type.endsWith('object')) {
    return 'required key missing';
  }

  const named = issue.kind === 'schema' || SELF_DESCRIBED.has(issue.type);
  const check = named ? '' : `${issue.type.replaceAll('_', ' ')} `;

  return `expected ${check}${issue.expected ?? 'a valid value'}, received ${issue.received}`;
}

function describe({ nsid, target, issues }: XrpcValidationErrorDetails): string {
  const [first] = issues;
  const where = first === undefined ? '' : ` at ${first.path}: ${describeIssue(first)}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';

  return `Invalid ${target} for ${nsid}${where}${more}`;
}

/**
 * Params or input refused before the request was sent, or an output the server sent that does not
 * match the method's schema. The message names the first issue and its path.
 */
export class XrpcValidationError extends XrpcError {
  override readonly name: string = 'XrpcValidationError';

  /** Whether params, input or output failed. */
  readonly target: XrpcValidationTarget;

  /** Every issue found, in schema order. */
  readonly issues: readonly XrpcValidationIssue[];

  /** For `output`: the parsed body as the server sent it (not enumerable). */
  declare readonly body: unknown;

  constructor(details: XrpcValidationErrorDetails) {
    super(details.nsid, describe(details));
    this.target = details.target;
    this.issues = details.issues;
    Object.defineProperty(this, 'body', { value: details.body, enumerable: false });
  }
}
