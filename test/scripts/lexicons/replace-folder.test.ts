import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from '@jest/globals';

import { replaceFolder } from '../../../scripts/lexicons/replace-folder.js';
import { readTree, TempDirs, writeTree } from './fixtures.js';

const temp = new TempDirs();

afterEach(() => temp.removeAll());

describe(replaceFolder, () => {
  test('swaps in what the fill wrote and leaves nothing beside it', async () => {
    const dir = await temp.create();

    await writeTree(join(dir, 'target'), { 'old.txt': 'old', 'nested/old.txt': 'old' });
    await replaceFolder(join(dir, 'target'), (staging) => writeTree(staging, { 'new.txt': 'new' }));

    expect(await readTree(join(dir, 'target'))).toEqual({ 'new.txt': Buffer.from('new') });
    expect(await readdir(dir)).toEqual(['target']);
  });

  test('leaves the target untouched when the fill throws', async () => {
    const dir = await temp.create();
    const failure = new Error('Fill failed: disk full');

    await writeTree(join(dir, 'target'), { 'old.txt': 'old' });

    const replacing = replaceFolder(join(dir, 'target'), async (staging) => {
      await writeTree(staging, { 'half.txt': 'half' });

      throw failure;
    });

    await expect(replacing).rejects.toBe(failure);
    expect(await readTree(join(dir, 'target'))).toEqual({ 'old.txt': Buffer.from('old') });
    expect(await readdir(dir)).toEqual(['target']);
  });

  test('puts back the folder a run stopped between its renames had set aside', async () => {
    const dir = await temp.create();

    await writeTree(dir, { '.target.prev/old.txt': 'old', '.target.next/half.txt': 'half' });

    const replacing = replaceFolder(join(dir, 'target'), () => Promise.reject(new Error('Stop')));

    await expect(replacing).rejects.toThrow('Stop');
    expect(await readTree(join(dir, 'target'))).toEqual({ 'old.txt': Buffer.from('old') });
    expect(await readdir(dir)).toEqual(['target']);
  });
});
