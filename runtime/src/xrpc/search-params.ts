import { singleIssueError } from './validation.js';

type ParamValue = string | number | bigint | boolean;

function isParamValue(value: unknown): value is ParamValue {
  const type = typeof value;

  return type === 'string' || type === 'number' || type === 'bigint' || type === 'boolean';
}

function appendParam(search: URLSearchParams, nsid: string, name: string, value: unknown): void {
  if (value === undefined || value === null) return;

  if (!isParamValue(value)) {
    throw singleIssueError(nsid, 'params', {
      path: `$.${name}`,
      kind: 'schema',
      type: 'param',
      expected: 'string | integer | boolean',
      received: Array.isArray(value) ? 'nested array' : typeof value,
    });
  }

  search.append(name, String(value));
}

/**
 * Serializes validated params into a query string as XRPC expects: arrays as repeated keys,
 * booleans as `true`/`false`, `undefined` and `null` left out, everything percent-encoded.
 *
 * @throws {XrpcValidationError} when a value is an object, which a query string cannot carry
 */
export function toSearchParams(nsid: string, params: unknown): URLSearchParams {
  const search = new URLSearchParams();

  if (typeof params !== 'object' || params === null) return search;

  for (const [name, value] of Object.entries(params)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];

    for (const item of values) appendParam(search, nsid, name, item);
  }

  return search;
}
