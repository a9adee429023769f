import { describe, expect, test } from '@jest/globals';

import { summarizeProfile } from '../../../scripts/bench/cpu-profile.js';

import type { CpuProfile } from '../../../scripts/bench/cpu-profile.js';

const PROGRAM = '/app/dist';

function frame(functionName: string, url = '', lineNumber = 0) {
  return { functionName, url, lineNumber };
}

// (root) → main → emit → writer (a package); main → (garbage collector); samples 1 ms apart.
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5] },
    { id: 2, callFrame: frame('main', `file://${PROGRAM}/bin.js`, 3), children: [3] },
    { id: 3, callFrame: frame('emit', `file://${PROGRAM}/emit/emit.js`, 9), children: [4] },
    { id: 4, callFrame: frame('write', `file://${PROGRAM}/node_modules/writer/index.js`, 1) },
    { id: 5, callFrame: frame('(garbage collector)') },
  ],
  samples: [2, 3, 3, 4, 4, 4, 5],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe(summarizeProfile, () => {
  test('sums self time by area, by function and per phase', () => {
    const summary = summarizeProfile(PROFILE, PROGRAM, ['emit']);

    expect(summary.totalMs).toBe(7);
    expect(summary.areas).toEqual([
      { name: 'writer', milliseconds: 3 },
      { name: 'emit/emit.ts', milliseconds: 2 },
      { name: 'bin.ts', milliseconds: 1 },
      { name: 'garbage collection', milliseconds: 1 },
    ]);
    expect(summary.functions[0]).toEqual({
      name: 'write (node_modules/writer/index.js:2)',
      milliseconds: 3,
    });
    expect(summary.functions[1]).toEqual({ name: 'emit (emit/emit.js:10)', milliseconds: 2 });
    expect(summary.phases).toEqual([{ name: 'emit', milliseconds: 5 }]);
  });
});
