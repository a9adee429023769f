// Hand-written descriptors of a few com.atproto methods, with small valibot schemas, for testing
// the XRPC layer against the reference PDS without generated code.
import * as v from 'valibot';

import { XrpcResponseError } from '../../runtime/src/errors/index.js';

import type { ProcedureMethod, QueryMethod } from '../../runtime/src/xrpc/index.js';

export const strongRef = v.looseObject({ uri: v.string(), cid: v.string() });

export interface CreateRecordInput {
  repo: string;
  collection: string;
  rkey?: string;
  validate?: boolean;
  record: Record<string, unknown>;
}

export interface CreateRecordOutput {
  uri: string;
  cid: string;
}

export const createRecord: ProcedureMethod<
  Record<string, never>,
  CreateRecordInput,
  CreateRecordOutput
> = {
  type: 'procedure',
  nsid: 'com.atproto.repo.createRecord',
  input: {
    encoding: 'application/json',
    schema: v.looseObject({
      repo: v.string(),
      collection: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+\.[a-zA-Z]+$/)),
      rkey: v.exactOptional(v.pipe(v.string(), v.maxLength(512))),
      validate: v.exactOptional(v.boolean()),
      record: v.looseObject({ text: v.exactOptional(v.pipe(v.string(), v.maxLength(3000))) }),
    }),
  },
  output: { encoding: 'application/json', schema: strongRef },
};

export class RecordNotFoundError extends XrpcResponseError {
  override readonly name = 'RecordNotFoundError';
}

export interface GetRecordParams {
  repo: string;
  collection: string;
  rkey: string;
  cid?: string;
}

export interface RecordView {
  uri: string;
  cid?: string;
  value: Record<string, unknown>;
}

export const recordView = v.looseObject({
  uri: v.string(),
  cid: v.exactOptional(v.string()),
  value: v.record(v.string(), v.unknown()),
});

export const getRecord: QueryMethod<GetRecordParams, RecordView> = {
  type: 'query',
  nsid: 'com.atproto.repo.getRecord',
  params: v.looseObject({
    repo: v.string(),
    collection: v.string(),
    rkey: v.string(),
    cid: v.exactOptional(v.string()),
  }),
  output: { encoding: 'application/json', schema: recordView },
  errors: { RecordNotFound: RecordNotFoundError },
};

export interface ListRecordsParams {
  repo: string;
  collection: string;
  limit?: number;
  cursor?: string;
  reverse?: boolean;
}

export interface ListRecordsOutput {
  cursor?: string;
  records: RecordView[];
}

export const listRecords: QueryMethod<ListRecordsParams, ListRecordsOutput> = {
  type: 'query',
  nsid: 'com.atproto.repo.listRecords',
  params: v.looseObject({
    repo: v.string(),
    collection: v.string(),
    limit: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 50),
    cursor: v.exactOptional(v.string()),
    reverse: v.exactOptional(v.boolean()),
  }),
  output: {
    encoding: 'application/json',
    schema: v.looseObject({ cursor: v.exactOptional(v.string()), records: v.array(recordView) }),
  },
};

export interface DeleteRecordInput {
  repo: string;
  collection: string;
  rkey: string;
}

export const deleteRecord: ProcedureMethod<Record<string, never>, DeleteRecordInput, unknown> = {
  type: 'procedure',
  nsid: 'com.atproto.repo.deleteRecord',
  input: {
    encoding: 'application/json',
    schema: v.looseObject({ repo: v.string(), collection: v.string(), rkey: v.string() }),
  },
  output: { encoding: 'application/json', schema: v.looseObject({}) },
};

export interface BlobRef {
  $type: 'blob';
  ref: { $link: string };
  mimeType: string;
  size: number;
}

export const uploadBlob: ProcedureMethod<Record<string, never>, Uint8Array, { blob: BlobRef }> = {
  type: 'procedure',
  nsid: 'com.atproto.repo.uploadBlob',
  input: { encoding: '*/*' },
  output: {
    encoding: 'application/json',
    schema: v.looseObject({
      blob: v.looseObject({
        $type: v.literal('blob'),
        ref: v.looseObject({ $link: v.string() }),
        mimeType: v.string(),
        size: v.number(),
      }),
    }),
  },
};

export const getBlob: QueryMethod<{ did: string; cid: string }, Uint8Array> = {
  type: 'query',
  nsid: 'com.atproto.sync.getBlob',
  params: v.looseObject({ did: v.string(), cid: v.string() }),
  output: { encoding: '*/*' },
};
