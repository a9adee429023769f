import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, describe, expect, test } from '@jest/globals';
import { create } from 'tar';

import { LexiconSyncError } from '../../scripts/lexicons/lexicon-sync-error.js';
import { readLexiconFolder } from '../../scripts/lexicons/read-lexicon-folder.js';
import { syncLexicons } from '../../scripts/lexicons/sync-lexicons.js';
import type { SyncLexiconsOptions } from '../../scripts/lexicons/sync-lexicons.js';
import { ODD_LAYOUT, readTree, TempDirs, writeFixtureSet, writeTree } from './lexicons/fixtures.js';
import type { Tree } from './lexicons/fixtures.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const FIXTURE_NSIDS = [
  'app.bsky.feed.like',
  'com.atproto.repo.createRecord',
  'com.atproto.repo.strongRef',
  'com.example.oddLayout',
];

const BROKEN_DOCUMENT = JSON.stringify({
  lexicon: 1,
  id: 'com.example.broken',
  defs: {
    main: {
      type: 'query',
      parameters: { type: 'params', properties: { limit: { type: 'integer', minimum: 'one' } } },
    },
  },
});

const temp = new TempDirs();

afterEach(() => temp.removeAll());

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hashTree(tree: Tree): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).map(([path, bytes]) => [path, hashOf(bytes)]));
}

function withoutManifest(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => path !== 'manifest.json'));
}

async function readManifestFile(folder: string): Promise<unknown> {
  return JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
}

async function syncError(options: SyncLexiconsOptions): Promise<LexiconSyncError> {
  const error = await syncLexicons(options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );

  if (!(error instanceof LexiconSyncError)) {
    throw new Error(`Sync did not fail as expected: ${String(error)}`);
  }

  return error;
}

/** A fresh temp folder with the fixture set in `fixtures/`. */
async function prepare(): Promise<{ dir: string; source: Tree }> {
  const dir = await temp.create();

  return { dir, source: await writeFixtureSet(join(dir, 'fixtures')) };
}

describe(syncLexicons, () => {
  test('copies every document byte for byte and lists it in a sorted manifest', async () => {
    const { dir, source } = await prepare();
    const result = await syncLexicons({
      from: 'fixtures',
      to: 'lexicons',
      cwd: dir,
      now: new Date('2030-01-02T23:59:00Z'),
    });
    const written = await readTree(join(dir, 'lexicons'));

    expect(withoutManifest(written)).toEqual(source);
    expect(written[ODD_LAYOUT.path]?.toString()).toBe(ODD_LAYOUT.text);
    expect(await readManifestFile(join(dir, 'lexicons'))).toEqual({
      source: 'fixtures',
      date: '2030-01-02',
      documents: FIXTURE_NSIDS.map((nsid) => {
        const path = `${nsid.replaceAll('.', '/')}.json`;

        return { nsid, path, sha256: hashOf(source[path] as Buffer) };
      }),
    });
    expect(result).toMatchObject({ added: FIXTURE_NSIDS, removed: [], changed: [] });
  });

  test('rejects a folder with an invalid document, names the file and writes nothing', async () => {
    const { dir } = await prepare();

    await syncLexicons({ from: 'fixtures', to: 'lexicons', cwd: dir });

    const before = await readTree(join(dir, 'lexicons'));

    await writeTree(join(dir, 'fixtures'), {
      'com/example/broken.json': BROKEN_DOCUMENT,
      'com/example/notJson.json': '{"lexicon": 1,',
    });

    const error = await syncError({ from: 'fixtures', to: 'lexicons', cwd: dir });

    expect(error.problems).toEqual([
      expect.stringMatching(
        /^com\/example\/broken\.json: .*\$\.defs\.main\.parameters\.properties\.limit\.minimum: /,
      ),
      expect.stringMatching(/^com\/example\/notJson\.json: invalid JSON: /),
    ]);
    expect(error.message).toBe('Lexicon documents invalid: 2 of 6 in fixtures');
    expect(await readTree(join(dir, 'lexicons'))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['fixtures', 'lexicons']);
  });

  test('rejects a document stored away from its NSID path', async () => {
    const { dir } = await prepare();

    await writeTree(join(dir, 'fixtures'), { 'com/example/misplaced.json': ODD_LAYOUT.text });

    const error = await syncError({ from: 'fixtures', to: 'lexicons', cwd: dir });

    expect(error.problems).toEqual([
      'com/example/misplaced.json: document com.example.oddLayout belongs at com/example/oddLayout.json',
    ]);
    expect(await readdir(dir)).toEqual(['fixtures']);
  });

  test('rejects a source without documents', async () => {
    const dir = await temp.create();

    await writeTree(dir, { 'empty/README.md': '# nothing here\n' });

    await expect(syncLexicons({ from: 'empty', to: 'lexicons', cwd: dir })).rejects.toThrow(
      'Lexicon source empty: empty',
    );
  });

  test('imports the lexicons of a .tar.gz and leaves the rest of the repository out', async () => {
    const { dir, source } = await prepare();

    await writeRepositoryArchive(dir, 'snapshot.tar.gz');

    const result = await syncLexicons({ from: 'snapshot.tar.gz', to: 'lexicons', cwd: dir });

    expect(withoutManifest(await readTree(join(dir, 'lexicons')))).toEqual(source);
    expect(result.manifest).toMatchObject({ source: 'snapshot.tar.gz', date: '2031-03-04' });
  });

  test('downloads a .tar.gz over http from loopback and keeps the query out of the manifest', async () => {
    const { dir, source } = await prepare();
    const archive = await readFile(await writeRepositoryArchive(dir, 'snapshot.tar.gz'));

    await withArchiveServer(archive, async (origin) => {
      const from = `${origin}/snapshot.tar.gz?key=secret`;
      const result = await syncLexicons({ from, to: 'lexicons', cwd: dir });

      expect(withoutManifest(await readTree(join(dir, 'lexicons')))).toEqual(source);
      expect(result.manifest.source).toBe(`${origin}/snapshot.tar.gz`);

      await expect(
        syncLexicons({ from: `${origin}/missing.tar.gz`, to: 'lexicons', cwd: dir }),
      ).rejects.toThrow(`Lexicon download failed: HTTP 404 from ${origin}/missing.tar.gz`);
    });
  });

  test('refuses a plain http URL to another host', async () => {
    const dir = await temp.create();

    await expect(
      syncLexicons({ from: 'http://example.com/atproto.tar.gz', to: 'lexicons', cwd: dir }),
    ).rejects.toThrow('Lexicon source URL not https: http://example.com');
  });

  test('changes neither files nor date when the same documents are synced again', async () => {
    const { dir } = await prepare();
    const options = { from: 'fixtures', to: 'lexicons', cwd: dir };

    await syncLexicons({ ...options, now: new Date('2030-01-02T00:00:00Z') });

    const first = await readTree(join(dir, 'lexicons'));
    const again = await syncLexicons({ ...options, now: new Date('2030-05-06T00:00:00Z') });

    expect(await readTree(join(dir, 'lexicons'))).toEqual(first);
    expect(again).toMatchObject({ added: [], removed: [], changed: [] });
    expect(again.manifest.date).toBe('2030-01-02');
  });

  test('dates the manifest today once a document changes', async () => {
    const { dir } = await prepare();
    const options = { from: 'fixtures', to: 'lexicons', cwd: dir };

    await syncLexicons({ ...options, now: new Date('2030-01-02T00:00:00Z') });
    await writeFile(join(dir, 'fixtures', ODD_LAYOUT.path), `${ODD_LAYOUT.text}\n`);

    const changed = await syncLexicons({ ...options, now: new Date('2030-05-06T00:00:00Z') });

    expect(changed).toMatchObject({ added: [], removed: [], changed: ['com.example.oddLayout'] });
    expect(changed.manifest.date).toBe('2030-05-06');
  });

  test('dates the manifest after a source folder named like atproto-YYYY-MM-DD', async () => {
    const dir = await temp.create();

    await writeFixtureSet(join(dir, 'atproto-2029-12-31'));

    const result = await syncLexicons({
      from: 'atproto-2029-12-31/',
      to: 'lexicons',
      cwd: dir,
      now: new Date('2030-05-06T00:00:00Z'),
    });

    expect(result.manifest).toMatchObject({ source: 'atproto-2029-12-31/', date: '2029-12-31' });
  });
});

/** Packs the fixture set the way the atproto repository lays it out, with other JSON beside it. */
async function writeRepositoryArchive(dir: string, name: string): Promise<string> {
  const top = 'atproto-2031-03-04';
  const fixtures = await readTree(join(dir, 'fixtures'));
  const lexicons = Object.fromEntries(
    Object.entries(fixtures).map(([path, bytes]) => [`${top}/lexicons/${path}`, bytes]),
  );

  await writeTree(join(dir, 'repo'), {
    ...lexicons,
    [`${top}/package.json`]: '{"name": "atproto"}',
    [`${top}/packages/api/lexicon.json`]: '{"not": "a lexicon"}',
  });
  await create({ gzip: true, file: join(dir, name), cwd: join(dir, 'repo') }, [top]);

  return join(dir, name);
}

async function withArchiveServer(
  archive: Buffer,
  use: (origin: string) => Promise<void>,
): Promise<void> {
  const server = createServer((request, response) => {
    const found = request.url?.startsWith('/snapshot.tar.gz') === true;

    response.writeHead(found ? 200 : 404, { 'content-type': 'application/gzip' });
    response.end(found ? archive : undefined);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('lexicons-sync command', () => {
  const run = promisify(execFile);
  const tsx = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
  const script = join(REPO_ROOT, 'scripts/lexicons-sync.ts');

  async function runSync(cwd: string, args: string[]): Promise<{ code: number; stderr: string }> {
    const argv = [tsx, '--conditions=@lexforge/source', script, ...args];
    const env = { ...process.env, INIT_CWD: cwd };

    return run(process.execPath, argv, { cwd: REPO_ROOT, env }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
  }

  test('resolves paths from where npm was invoked and prints a one-line summary', async () => {
    const { dir } = await prepare();
    const { code, stderr } = await runSync(dir, ['--from', 'fixtures', '--out', 'lexicons']);

    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^Synced 4 lexicon documents from fixtures \(4 added, 0 removed, 0 changed\) in \d+\.\d\d s\n$/,
    );
    expect(Object.keys(await readTree(join(dir, 'lexicons')))).toHaveLength(5);
  });

  test('exits non-zero with one line per invalid document and writes nothing', async () => {
    const { dir } = await prepare();

    await writeTree(join(dir, 'fixtures'), {
      'com/example/broken.json': BROKEN_DOCUMENT,
      'com/example/misplaced.json': ODD_LAYOUT.text,
    });

    const { code, stderr } = await runSync(dir, ['--from', 'fixtures', '--out', 'lexicons']);
    const lines = stderr.trimEnd().split('\n');

    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^com\/example\/broken\.json: invalid lexicon: \$\.defs\.main\./),
      expect.stringMatching(/^com\/example\/misplaced\.json: document com\.example\.oddLayout /),
      'Lexicon documents invalid: 2 of 6 in fixtures; nothing written',
    ]);
    expect(await readdir(dir)).toEqual(['fixtures']);
  });

  test('prints its usage and exits 2 without --from', async () => {
    const dir = await temp.create();
    const { code, stderr } = await runSync(dir, []);

    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run lexicons:sync -- --from');
  });
});

describe('lexicons/ of the repository', () => {
  const lexicons = join(REPO_ROOT, 'lexicons');

  test('holds valid documents, each matching its manifest entry byte for byte', async () => {
    const { documents } = (await readManifestFile(lexicons)) as {
      documents: { nsid: string; path: string; sha256: string }[];
    };
    const files = withoutManifest(await readTree(lexicons));
    const nsids = documents.map(({ nsid }) => nsid);

    expect(documents.length).toBeGreaterThan(0);
    expect(hashTree(files)).toEqual(
      Object.fromEntries(documents.map(({ path, sha256 }) => [path, sha256])),
    );
    expect(nsids).toEqual([...nsids].sort());
    expect(
      documents.filter(({ nsid, path }) => path !== `${nsid.replaceAll('.', '/')}.json`),
    ).toEqual([]);
    expect((await readLexiconFolder(lexicons)).problems).toEqual([]);
  });
});
