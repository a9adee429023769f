import { join, resolve } from 'node:path';

import { describe, expect, test } from '@jest/globals';

import { relativePath } from '../../codegen/src/relative-path.js';

describe('relativePath', () => {
  const dir = resolve('/tmp/lexicons');

  test.each([
    { name: 'a file in the folder', path: join(dir, 'a.json'), expected: 'a.json' },
    { name: 'a file deeper down', path: join(dir, 'com', 'a.json'), expected: 'com/a.json' },
    {
      name: 'a sibling that shares a prefix',
      path: `${dir}-b/a.json`,
      expected: '../lexicons-b/a.json',
    },
    { name: 'a file above', path: resolve('/tmp/a.json'), expected: '../a.json' },
  ])('gives $name as $expected', ({ path, expected }) => {
    expect(relativePath(dir, path)).toBe(expected);
  });
});
