import { describe, expect, test } from '@jest/globals';

import { diffManifests, pickManifestDate } from '../../../scripts/lexicons/manifest.js';
import type { LexiconManifest, ManifestDiff } from '../../../scripts/lexicons/manifest.js';

const NOW = new Date('2030-05-06T12:00:00Z');

const PREVIOUS: LexiconManifest = { source: 'old', date: '2030-01-02', documents: [] };

const NO_CHANGE: ManifestDiff = { added: [], removed: [], changed: [] };

describe(diffManifests, () => {
  test('lists added, removed and changed NSIDs, sorted', () => {
    const before = [
      { nsid: 'com.example.kept', path: 'com/example/kept.json', sha256: 'a' },
      { nsid: 'com.example.gone', path: 'com/example/gone.json', sha256: 'b' },
      { nsid: 'com.example.edited', path: 'com/example/edited.json', sha256: 'c' },
    ];
    const after = [
      { nsid: 'com.example.new', path: 'com/example/new.json', sha256: 'd' },
      { nsid: 'com.example.edited', path: 'com/example/edited.json', sha256: 'e' },
      { nsid: 'com.example.kept', path: 'com/example/kept.json', sha256: 'a' },
      { nsid: 'com.example.another', path: 'com/example/another.json', sha256: 'f' },
    ];

    expect(diffManifests(before, after)).toEqual({
      added: ['com.example.another', 'com.example.new'],
      removed: ['com.example.gone'],
      changed: ['com.example.edited'],
    });
  });
});

describe(pickManifestDate, () => {
  test.each([
    {
      name: 'a dated source name',
      names: ['atproto-2026-08-20'],
      diff: NO_CHANGE,
      want: '2026-08-20',
    },
    {
      name: 'a dated archive top folder',
      names: ['main', 'atproto-2025-05-31'],
      diff: NO_CHANGE,
      want: '2025-05-31',
    },
    {
      name: 'an impossible date in the name',
      names: ['atproto-2026-02-30'],
      diff: NO_CHANGE,
      want: '2030-01-02',
    },
    {
      name: 'an undated name and no change',
      names: ['fixtures'],
      diff: NO_CHANGE,
      want: '2030-01-02',
    },
    {
      name: 'an undated name and a change',
      names: ['fixtures'],
      diff: { ...NO_CHANGE, removed: ['com.example.a'] },
      want: '2030-05-06',
    },
  ])('picks $want for $name', ({ names, diff, want }) => {
    expect(pickManifestDate(names, PREVIOUS, diff, NOW)).toBe(want);
  });

  test('picks today without a previous manifest', () => {
    expect(pickManifestDate(['fixtures'], undefined, NO_CHANGE, NOW)).toBe('2030-05-06');
  });
});
