import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, describe, expect, test } from '@jest/globals';

import { parseSessionData } from '../../../runtime/src/session/atp-session-data.js';
import { FileStore } from '../../../runtime/src/session/file-store.js';
import { makeTempDir } from '../../_util/temp-dir.js';

import type { AtpSessionData } from '../../../runtime/src/session/atp-session-data.js';

const temp = makeTempDir('file-store');
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;
const FILE_STORE = pathToFileURL(join(ROOT, 'runtime/src/session/file-store.ts')).href;

const SESSION: AtpSessionData = {
  accessJwt: 'access-0',
  refreshJwt: 'refresh-0',
  handle: 'alice.test',
  did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
  didDoc: { id: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', padding: '' },
};
const PADDED_DID_DOC = { ...SESSION.didDoc, padding: 'x'.repeat(256 * 1024) };

// Saves 1000 sessions of 256 KiB in a row, each naming its index in its tokens.
const SAVER = `
import { FileStore } from ${JSON.stringify(FILE_STORE)};

const store = new FileStore(process.argv[2]);
const session = JSON.parse(process.argv[3]);

session.didDoc.padding = 'x'.repeat(256 * 1024);

process.stdout.write('ready\\n');

for (let index = 1; index <= 1000; index += 1) {
  await store.save({ ...session, accessJwt: 'access-' + index, refreshJwt: 'refresh-' + index });
}
`;

afterAll(() => temp.remove());

async function killSaverMidway(path: string, delay: number): Promise<NodeJS.Signals | null> {
  const script = join(temp.dir, 'saver.mjs');

  await writeFile(script, SAVER);

  const child = spawn(process.execPath, ['--import', TSX, script, path, JSON.stringify(SESSION)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  await once(child.stdout, 'data');
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');

  const [, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];

  return signal;
}

describe(FileStore, () => {
  test('saves, loads and clears a session in a file only its owner may read', async () => {
    const store = new FileStore(join(temp.dir, 'plain.json'));

    expect(await store.load()).toBeUndefined();

    await store.save(SESSION);

    expect(await store.load()).toEqual(SESSION);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);

    await store.clear();
    await store.clear();

    expect(await store.load()).toBeUndefined();
  });

  test('loads a file that does not hold a session as no session', async () => {
    const path = join(temp.dir, 'garbage.json');
    const store = new FileStore(path);

    await writeFile(path, '{"accessJwt": "a", "refre');

    expect(await store.load()).toBeUndefined();

    await writeFile(path, JSON.stringify({ ...SESSION, did: 'nope' }));

    expect(await store.load()).toBeUndefined();
  });

  test('leaves a whole session file when the writer is killed during 1000 saves', async () => {
    const path = join(temp.dir, 'killed.json');
    const delays = [0, 5, 20, 45, 80, 130].map((base) => base + Math.floor(Math.random() * 15));

    for (const delay of delays) {
      const signal = await killSaverMidway(path, delay);
      const text = await readFile(path, 'utf8').catch(() => undefined);

      expect(signal).toBe('SIGKILL');

      if (text === undefined) continue;

      const saved = parseSessionData(JSON.parse(text));

      expect(saved?.accessJwt.replace('access', 'refresh')).toBe(saved?.refreshJwt);
      expect(saved?.didDoc).toEqual(PADDED_DID_DOC);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    }

    const saved = JSON.parse(await readFile(path, 'utf8')) as AtpSessionData;
    const leftovers = (await readdir(temp.dir)).filter((name) => name.endsWith('.tmp'));

    expect(Number(saved.accessJwt.split('-')[1])).toBeLessThan(1000);
    expect(leftovers.length).toBeLessThanOrEqual(delays.length);
  });
});
