import * as v from 'valibot';

import { isCid } from '../syntax/cid.js';
import type { BlobRef, Bytes, CidLink, UnknownObject } from './data-types.js';

type Run = (dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) => void;

function customSchema<T>(
  type: string,
  expects: string,
  reference: unknown,
  run: Run,
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
  };

  return v._standardSchema(schema as never) as unknown as v.GenericSchema<unknown, T>;
}

/** Marks a dataset as holding a value of the schema's type (its constraints may still fail). */
export function markTyped(dataset: v.UnknownDataset): void {
  (dataset as { typed: boolean }).typed = true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
    isObject(ref) &&
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

/**
 * A lexicon `blob`: the canonical `{ $type: 'blob', ref, mimeType, size }`, or when reading the
 * legacy `{ cid, mimeType }`. `accept` and `maxSize` are constraints (lenient reads accept them).
 */
export function blob(options: BlobOptions = {}): v.GenericSchema<unknown, BlobRef> {
  return customSchema<BlobRef>('blob', 'Blob', blob, function (this: unknown, dataset, config) {
    const value = dataset.value;

    if (!isObject(value) || !(isTypedBlob(value) || isLegacyBlob(value)))
      return shapeIssue.call(this, dataset, config);

    markTyped(dataset);

    const mimeType = value['mimeType'] as string;
    const size = value['size'];

    if (options.accept !== undefined && !accepts(options.accept, mimeType)) {
      constraintIssue(
        dataset,
        config,
        'blob_mime_type',
        options.accept.join(' | '),
        JSON.stringify(mimeType),
      );
    }

    if (options.maxSize !== undefined && typeof size === 'number' && size > options.maxSize) {
      constraintIssue(dataset, config, 'blob_size', `<=${options.maxSize} bytes`, `${size}`);
    }
  });
}

/** A lexicon `cid-link`: `{ $link: <cid> }`. */
export function cidLink(): v.GenericSchema<unknown, CidLink> {
  return customSchema<CidLink>(
    'cid_link',
    'CID link',
    cidLink,
    function (this: unknown, dataset, config) {
      const value = dataset.value;

      if (!isObject(value) || typeof value['$link'] !== 'string')
        return shapeIssue.call(this, dataset, config);

      markTyped(dataset);

      if (!isCid(value['$link']))
        constraintIssue(dataset, config, 'cid', 'CID', JSON.stringify(value['$link']));
    },
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

/** A lexicon `bytes`: `{ $bytes: <base64> }`; its length bounds count decoded bytes. */
export function bytes(options: BytesOptions = {}): v.GenericSchema<unknown, Bytes> {
  return customSchema<Bytes>('bytes', 'Bytes', bytes, function (this: unknown, dataset, config) {
    const value = dataset.value;

    if (!isObject(value) || typeof value['$bytes'] !== 'string' || !BASE64.test(value['$bytes'])) {
      return shapeIssue.call(this, dataset, config);
    }

    markTyped(dataset);

    const length = decodedLength(value['$bytes']);
    const { minLength = 0, maxLength = Infinity } = options;

    if (length < minLength || length > maxLength) {
      constraintIssue(
        dataset,
        config,
        'bytes_length',
        `${minLength} to ${maxLength} bytes`,
        `${length}`,
      );
    }
  });
}

/** A lexicon `unknown`: any JSON object (not an array, not null). */
export function unknownObject(): v.GenericSchema<unknown, UnknownObject> {
  return customSchema<UnknownObject>(
    'unknown_object',
    'Object',
    unknownObject,
    function (this: unknown, dataset, config) {
      if (!isObject(dataset.value)) return shapeIssue.call(this, dataset, config);

      markTyped(dataset);
    },
  );
}
