import * as v from 'valibot';

import { isCid } from '../syntax/cid.js';
import { isJsonObject } from './json-object.js';
import type { BlobRef, Bytes, CidLink, UnknownObject } from './data-types.js';
import type { SchemaCheck } from './schema-check.js';

type Run = (dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) => void;

/** A schema of its own: `run` reports the issues, `check` says whether there would be none. */
function customSchema<T>(
  type: string,
  expects: string,
  reference: unknown,
  run: Run,
  check: SchemaCheck,
): v.GenericSchema<unknown, T> {
  const schema = {
    kind: 'schema',
    type,
    reference,
    expects,
    async: false,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      run.call(this, dataset, config);

      return dataset;
    },
    '~check': () => check,
  };

  return v._standardSchema(schema as never) as unknown as v.GenericSchema<unknown, T>;
}

/** Marks a dataset as holding a value of the schema's type (its constraints may still fail). */
export function markTyped(dataset: v.UnknownDataset): void {
  (dataset as { typed: boolean }).typed = true;
}

/** Reports a failed constraint (not a wrong shape): lenient reads accept the value. */
function constraintIssue(
  dataset: v.UnknownDataset,
  config: v.Config<v.BaseIssue<unknown>>,
  type: string,
  expected: string,
  received: string,
): void {
  const context = {
    kind: 'validation',
    type,
    reference: constraintIssue,
    expects: expected,
  } as const;

  v._addIssue(context as never, type, dataset, config, { received });
}

function shapeIssue(
  this: unknown,
  dataset: v.UnknownDataset,
  config: v.Config<v.BaseIssue<unknown>>,
): void {
  v._addIssue(this as never, 'type', dataset, config);
}

function accepts(accept: readonly string[], mimeType: string): boolean {
  return accept.some(
    (pattern) =>
      pattern === '*/*' ||
      (pattern.endsWith('/*') ? mimeType.startsWith(pattern.slice(0, -1)) : pattern === mimeType),
  );
}

function isTypedBlob(value: Record<string, unknown>): boolean {
  const ref = value['ref'];

  return (
    value['$type'] === 'blob' &&
    isJsonObject(ref) &&
    typeof ref['$link'] === 'string' &&
    typeof value['mimeType'] === 'string' &&
    Number.isSafeInteger(value['size']) &&
    (value['size'] as number) >= 0
  );
}

function isLegacyBlob(value: Record<string, unknown>): boolean {
  return (
    value['$type'] === undefined &&
    typeof value['cid'] === 'string' &&
    typeof value['mimeType'] === 'string'
  );
}

/** Options of a lexicon `blob` field. */
export interface BlobOptions {
  accept?: readonly string[];
  maxSize?: number;
}

function isBlobShape(value: unknown): value is Record<string, unknown> {
  return isJsonObject(value) && (isTypedBlob(value) || isLegacyBlob(value));
}

function isAccepted(options: BlobOptions, mimeType: string): boolean {
  return options.accept === undefined || accepts(options.accept, mimeType);
}

// @NOTE: the legacy form has no size, and nothing to hold against `maxSize`
function isSmallEnough(options: BlobOptions, size: unknown): boolean {
  return options.maxSize === undefined || typeof size !== 'number' || size <= options.maxSize;
}

/**
 * A lexicon `blob`: the canonical `{ $type: 'blob', ref, mimeType, size }`, or when reading the
 * legacy `{ cid, mimeType }`. `accept` and `maxSize` are constraints (lenient reads accept them).
 */
export function blob(options: BlobOptions = {}): v.GenericSchema<unknown, BlobRef> {
  const run: Run = function (this: unknown, dataset, config) {
    const value = dataset.value;

    if (!isBlobShape(value)) return shapeIssue.call(this, dataset, config);

    markTyped(dataset);

    const mimeType = value['mimeType'] as string;

    if (!isAccepted(options, mimeType)) {
      const expected = options.accept?.join(' | ') ?? '';

      constraintIssue(dataset, config, 'blob_mime_type', expected, JSON.stringify(mimeType));
    }

    if (!isSmallEnough(options, value['size'])) {
      const expected = `<=${options.maxSize} bytes`;

      constraintIssue(dataset, config, 'blob_size', expected, `${value['size'] as number}`);
    }
  };

  return customSchema<BlobRef>('blob', 'Blob', blob, run, (value) => {
    if (!isBlobShape(value)) return false;

    return (
      isAccepted(options, value['mimeType'] as string) && isSmallEnough(options, value['size'])
    );
  });
}

function isCidLinkShape(value: unknown): value is { $link: string } {
  return isJsonObject(value) && typeof value['$link'] === 'string';
}

/** A lexicon `cid-link`: `{ $link: <cid> }`. */
export function cidLink(): v.GenericSchema<unknown, CidLink> {
  const run: Run = function (this: unknown, dataset, config) {
    const value = dataset.value;

    if (!isCidLinkShape(value)) return shapeIssue.call(this, dataset, config);

    markTyped(dataset);

    if (!isCid(value.$link))
      constraintIssue(dataset, config, 'cid', 'CID', JSON.stringify(value.$link));
  };

  return customSchema<CidLink>('cid_link', 'CID link', cidLink, run, (value) =>
    isCidLinkShape(value) ? isCid(value.$link) : false,
  );
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodedLength(base64: string): number {
  const unpadded = base64.replace(/=+$/, '');

  return Math.floor((unpadded.length * 3) / 4);
}

/** Options of a lexicon `bytes` field, in raw bytes. */
export interface BytesOptions {
  minLength?: number;
  maxLength?: number;
}

function isBytesShape(value: unknown): value is { $bytes: string } {
  return isJsonObject(value) && typeof value['$bytes'] === 'string' && BASE64.test(value['$bytes']);
}

/** A lexicon `bytes`: `{ $bytes: <base64> }`; its length bounds count decoded bytes. */
export function bytes(options: BytesOptions = {}): v.GenericSchema<unknown, Bytes> {
  const { minLength = 0, maxLength = Infinity } = options;
  const fits = (length: number) => length >= minLength && length <= maxLength;

  const run: Run = function (this: unknown, dataset, config) {
    const value = dataset.value;

    if (!isBytesShape(value)) return shapeIssue.call(this, dataset, config);

    markTyped(dataset);

    const length = decodedLength(value.$bytes);

    if (!fits(length)) {
      const expected = `${minLength} to ${maxLength} bytes`;

      constraintIssue(dataset, config, 'bytes_length', expected, `${length}`);
    }
  };

  return customSchema<Bytes>('bytes', 'Bytes', bytes, run, (value) =>
    isBytesShape(value) ? fits(decodedLength(value.$bytes)) : false,
  );
}

/** A lexicon `unknown`: any JSON object (not an array, not null). */
export function unknownObject(): v.GenericSchema<unknown, UnknownObject> {
  const run: Run = function (this: unknown, dataset, config) {
    if (!isJsonObject(dataset.value)) return shapeIssue.call(this, dataset, config);

    markTyped(dataset);
  };

  return customSchema<UnknownObject>('unknown_object', 'Object', unknownObject, run, isJsonObject);
}
