import { describe, expect, test } from '@jest/globals';

import { MemoryStore } from '../../../runtime/src/session/memory-store.js';

import type { AtpSessionData } from '../../../runtime/src/session/atp-session-data.js';

const SESSION: AtpSessionData = {
  accessJwt: 'access',
  refreshJwt: 'refresh',
  handle: 'alice.test',
  did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
  didDoc: { id: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz' },
};

describe(MemoryStore, () => {
  test('keeps a copy that later changes to the saved or loaded object do not reach', async () => {
    const store = new MemoryStore();
    const saved = structuredClone(SESSION);

    await store.save(saved);
    saved.handle = 'changed.test';

    const loaded = await store.load();

    if (loaded?.didDoc !== undefined) loaded.didDoc['id'] = 'changed';

    expect(await store.load()).toEqual(SESSION);

    await store.clear();

    expect(await store.load()).toBeUndefined();
  });

  test('starts with a given session', async () => {
    expect(await new MemoryStore(SESSION).load()).toEqual(SESSION);
  });

  test('runs locked tasks one at a time, after a failed one too', async () => {
    const store = new MemoryStore();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name}>`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        log.push(`<${name}`);

        if (fail) throw new Error(`Task failed: ${name}`);

        return name;
      };
    const results = await Promise.allSettled([
      store.lock(task('a')),
      store.lock(task('b', true)),
      store.lock(task('c')),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['a>', '<a', 'b>', '<b', 'c>', '<c']);
  });
});
