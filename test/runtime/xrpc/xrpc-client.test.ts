import { beforeAll, describe, expect, test } from '@jest/globals';

import { XrpcResponseError, XrpcValidationError } from '../../../runtime/src/errors/index.js';
import { XrpcClient } from '../../../runtime/src/xrpc/index.js';
import {
  createRecord,
  deleteRecord,
  getBlob,
  getRecord,
  listRecords,
  RecordNotFoundError,
  uploadBlob,
} from '../../_util/atproto-methods.js';
import { expectNoSecrets } from '../../_util/no-secrets.js';
import { createTestAccount, expiredToken, testPds } from '../../_util/pds.js';
import { rejection } from '../../_util/rejection.js';

import type { XrpcMethod, XrpcResponse } from '../../../runtime/src/xrpc/index.js';
import type { TestAccount } from '../../_util/pds.js';

const COLLECTION = 'com.example.lexforge.note';

let account: TestAccount;
let secrets: string[];

function authedClient(hooks: { beforeRequest?: (() => void)[] } = {}): XrpcClient {
  return new XrpcClient({
    service: testPds().url,
    headers: { authorization: `Bearer ${account.accessJwt}` },
    hooks,
  });
}

beforeAll(async () => {
  account = await createTestAccount('xrpc');
  secrets = [account.accessJwt, account.refreshJwt, account.password];
});

describe(XrpcClient, () => {
  test('creates, reads, lists and deletes a record on the PDS', async () => {
    const client = authedClient();
    const repo = account.did;
    const record = { $type: COLLECTION, text: 'hello from lexforge' };
    const created = await client.call(createRecord, {
      input: { repo, collection: COLLECTION, record },
    });
    const rkey = created.data.uri.split('/').pop() ?? '';

    expect(created.status).toBe(200);
    expect(created.data.uri).toBe(`at://${repo}/${COLLECTION}/${rkey}`);

    const read = await client.call(getRecord, { params: { repo, collection: COLLECTION, rkey } });

    expect(read.data).toMatchObject({
      uri: created.data.uri,
      cid: created.data.cid,
      value: record,
    });

    const listed = await client.call(listRecords, { params: { repo, collection: COLLECTION } });

    expect(listed.data.records.map(({ uri }) => uri)).toContain(created.data.uri);

    await client.call(deleteRecord, { input: { repo, collection: COLLECTION, rkey } });

    const after = await client.call(listRecords, { params: { repo, collection: COLLECTION } });

    expect(after.data.records.map(({ uri }) => uri)).not.toContain(created.data.uri);
  });

  test('uploads a binary body and downloads the same bytes as a Uint8Array', async () => {
    const client = authedClient();
    const bytes = new Uint8Array(2048).map((_, index) => (index * 7) % 256);
    const uploaded = await client.call(uploadBlob, { body: bytes, encoding: 'application/x-test' });
    const { blob } = uploaded.data;

    expect(blob).toMatchObject({ $type: 'blob', size: bytes.length });

    // @NOTE The PDS serves only blobs a record refers to.
    const record = { $type: COLLECTION, text: 'with a blob', attachment: blob };

    await client.call(createRecord, {
      input: { repo: account.did, collection: COLLECTION, record },
    });

    const downloaded = await client.call(getBlob, {
      params: { did: account.did, cid: blob.ref.$link },
    });

    expect(downloaded.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(downloaded.data).equals(Buffer.from(bytes))).toBe(true);
  });

  test('refuses an input that violates its schema before sending anything', async () => {
    let sent = 0;
    const client = authedClient({ beforeRequest: [() => void (sent += 1)] });
    const input = { repo: account.did, collection: COLLECTION, record: { text: 5 } };
    const error = await rejection(client.call(createRecord, { input: input as never }));

    expect(error).toBeInstanceOf(XrpcValidationError);
    expect(error).toMatchObject({ target: 'input', nsid: createRecord.nsid });
    expect((error as Error).message).toBe(
      'Invalid input for com.atproto.repo.createRecord at $.record.text: ' +
        'expected string, received 5',
    );
    expect(sent).toBe(0);
    expectNoSecrets(error, secrets);
  });

  test('throws the declared error class when the server names a declared error', async () => {
    const client = authedClient();
    const params = { repo: account.did, collection: COLLECTION, rkey: 'missing' };
    const error = await rejection(client.call(getRecord, { params }));

    expect(error).toBeInstanceOf(RecordNotFoundError);
    expect(error).toBeInstanceOf(XrpcResponseError);
    expect(error).toMatchObject({
      name: 'RecordNotFoundError',
      status: 400,
      error: 'RecordNotFound',
      retryable: false,
    });
    expect((error as Error).message).toMatch(
      /^XRPC request failed: com\.atproto\.repo\.getRecord answered 400 RecordNotFound/,
    );
    expectNoSecrets(error, secrets);
  });

  test('throws the base class for an error the method does not declare', async () => {
    const client = new XrpcClient({ service: testPds().url });
    const input = { repo: account.did, collection: COLLECTION, record: { text: 'x' } };
    const error = await rejection(client.call(createRecord, { input }));

    expect(error).toBeInstanceOf(XrpcResponseError);
    expect(error).not.toBeInstanceOf(RecordNotFoundError);
    expect(error).toMatchObject({ status: 401, error: 'AuthMissing' });
  });

  test('keeps tokens out of errors and request descriptions', async () => {
    const client = authedClient();
    const params = { repo: account.did, collection: COLLECTION, rkey: 'missing' };
    const description = await client.describe(getRecord, { params });
    const errors = await Promise.all([
      rejection(client.call(getRecord, { params })),
      rejection(client.call(getRecord, { params: { ...params, rkey: 5 as never } })),
    ]);

    expect(description.headers['authorization']).toBe('Bearer [redacted]');
    expectNoSecrets(description, secrets);
    for (const error of errors) expectNoSecrets(error, secrets);
  });
});

describe('XrpcClient subclass seam', () => {
  class TokenClient extends XrpcClient {
    token: string;
    readonly #refreshed: string;
    refreshes = 0;

    constructor(token: string, refreshed: string) {
      super({ service: testPds().url });
      this.token = token;
      this.#refreshed = refreshed;
    }

    protected override async prepareHeaders(headers: Headers, method: XrpcMethod): Promise<void> {
      if (method.nsid.startsWith('com.atproto.'))
        headers.set('authorization', `Bearer ${this.token}`);
    }

    protected override async handleResponseError<O>(
      error: XrpcResponseError,
      replay: (() => Promise<XrpcResponse<O>>) | undefined,
    ): Promise<XrpcResponse<O>> {
      if (error.error !== 'ExpiredToken' || replay === undefined) throw error;

      this.refreshes += 1;
      this.token = this.#refreshed;

      return replay();
    }
  }

  test('adds credentials and replays once after refreshing an expired token', async () => {
    const client = new TokenClient(expiredToken(account.accessJwt), account.accessJwt);
    const params = { repo: account.did, collection: COLLECTION };
    const listed = await client.call(listRecords, { params });
    const created = await client.call(createRecord, {
      input: { ...params, record: { $type: COLLECTION, text: 'after refresh' } },
    });

    expect(listed.status).toBe(200);
    expect(created.data.uri).toContain(COLLECTION);
    expect(client.refreshes).toBe(1);
  });

  test('sends a replay error to the caller without asking again', async () => {
    const client = new TokenClient(
      expiredToken(account.accessJwt),
      expiredToken(account.accessJwt, 120),
    );
    const error = await rejection(
      client.call(createRecord, {
        input: { repo: account.did, collection: COLLECTION, record: { text: 'never' } },
      }),
    );

    expect(error).toMatchObject({ error: 'ExpiredToken', status: 400 });
    expect(client.refreshes).toBe(1);
    expectNoSecrets(error, [...secrets, client.token]);
  });
});
