import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CodegenError, generate, loadExternalLexicons } from '@lexforge/codegen';
import { Client } from '@lexforge/example-bookmarks';
import { XrpcValidationError } from '@lexforge/runtime';

import { createTestAccount, type TestAccount, testPds } from '../../_util/pds.js';
import { makeTempDir } from '../../_util/temp-dir.js';

const EXAMPLE = fileURLToPath(new URL('../../../codegen/examples/bookmarks', import.meta.url));
const LEXICONS = fileURLToPath(new URL('../../../lexicons', import.meta.url));
const CID = 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm';

let account: TestAccount;
let client: Client;

beforeAll(async () => {
  account = await createTestAccount('bm');
  client = new Client({
    service: testPds().url,
    headers: { authorization: `Bearer ${account.accessJwt}` },
  });
});

describe('custom lexicon example', () => {
  test('writes and reads its own records on the PDS through the shared record helpers', async () => {
    const entries = client.com.example.bookmark.entry;
    const created = await entries.create(
      {
        subject: 'https://atproto.com/specs/lexicon',
        title: 'Lexicon spec',
        note: 'read with @alice',
        noteFacets: [
          {
            index: { byteStart: 10, byteEnd: 16 },
            features: [{ $type: 'app.bsky.richtext.facet#mention', did: account.did }],
          },
        ],
        tags: ['specs'],
        createdAt: new Date().toISOString(),
      },
      { repo: account.did },
    );
    const rkey = created.uri.split('/').pop() ?? '';
    const read = await entries.get(rkey, { repo: account.did });
    const page = await entries.list({ repo: account.did });

    expect(created.uri).toContain('/com.example.bookmark.entry/');
    expect(read.value.subject).toBe('https://atproto.com/specs/lexicon');
    expect(read.value.noteFacets?.[0]?.features[0]).toMatchObject({ did: account.did });
    expect(page.records.map((record) => record.uri)).toEqual([created.uri]);
  });

  test('validates its records with the official definitions they embed', async () => {
    const error = await client.com.example.bookmark.entry
      .create(
        {
          subject: 'https://example.com',
          via: { uri: 'not an at-uri', cid: CID },
          createdAt: new Date().toISOString(),
        },
        { repo: account.did },
      )
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(XrpcValidationError);
    expect((error as Error).message).toContain('$.via.uri');
  });

  test('keeps the official namespaces on the same client', () => {
    expect(typeof client.com.atproto.repo.getRecord).toBe('function');
    expect(typeof client.app.bsky.actor.getProfile).toBe('function');
  });

  describe('query and procedure', () => {
    const seen: { method?: string; url?: string; body?: string } = {};
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';

      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        Object.assign(seen, { method: request.method, url: request.url, body });
        response.setHeader('content-type', 'application/json');
        response.end(
          request.method === 'GET' ? JSON.stringify({ bookmarks: [] }) : '{"status":"queued"}',
        );
      });
    });
    let service: string;

    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      service = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    test('sends the custom query with its params', async () => {
      const output = await new Client({ service }).com.example.bookmark
        .listTagged()
        .actor('alice.test')
        .tag('c#&=')
        .limit(5)
        .send();

      expect(output.bookmarks).toEqual([]);
      expect(seen.method).toBe('GET');
      const url = new URL(seen.url ?? '', 'http://127.0.0.1');

      expect(url.pathname).toBe('/xrpc/com.example.bookmark.listTagged');
      expect(url.search).toContain('tag=c%23%26%3D');
      expect([...url.searchParams].sort()).toEqual([
        ['actor', 'alice.test'],
        ['limit', '5'],
        ['tag', 'c#&='],
      ]);
    });

    test('posts the custom procedure with its JSON input', async () => {
      const bookmark = { uri: `at://${account.did}/com.example.bookmark.entry/3k2a`, cid: CID };
      const output = await new Client({ service }).com.example.bookmark
        .archive()
        .bookmark(bookmark)
        .priority('high')
        .send();

      expect(output.status).toBe('queued');
      expect(seen.method).toBe('POST');
      expect(JSON.parse(seen.body ?? '')).toEqual({ bookmark, priority: 'high' });
    });
  });
});

describe('custom lexicon generation', () => {
  const temp = makeTempDir('custom');

  afterAll(() => temp.remove());

  test('names the official lexicon it cannot find', async () => {
    const error = await generate({ lexicons: [`${EXAMPLE}/lexicons`], out: temp.dir }).catch(
      (caught: unknown) => caught,
    );

    const messages = (error as CodegenError).problems.map((problem) => problem.message);

    expect(error).toBeInstanceOf(CodegenError);
    expect(messages).toContain(
      'Unresolvable ref: app.bsky.richtext.facet in com.example.bookmark.entry (document not found)',
    );
  });

  test('imports official definitions from @lexforge/api instead of copying them', async () => {
    const external = await loadExternalLexicons([{ module: '@lexforge/api', lexicons: LEXICONS }]);
    const result = await generate({ lexicons: [`${EXAMPLE}/lexicons`], out: temp.dir, external });
    const { readFileSync } = await import('node:fs');
    const entry = readFileSync(`${temp.dir}/src/com/example/bookmark/entry.ts`, 'utf8');

    expect(result.documents).toBe(3);
    expect(entry).toContain(
      "import * as AppBskyRichtextFacet from '@lexforge/api/app/bsky/richtext/facet';",
    );
    expect(entry).not.toContain('interface Mention');
  });
});
