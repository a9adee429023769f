import { describe, expect, test } from '@jest/globals';

import { isFullRun, parseBenchOptions } from '../../../scripts/bench/bench-options.js';

const NAMES = ['codegen', 'bundle', 'refresh'];

describe(parseBenchOptions, () => {
  test('reads repeated and comma-separated --only, --slow and --quick', () => {
    const options = parseBenchOptions(
      ['--only', 'codegen,bundle', '--only', 'refresh', '--slow'],
      NAMES,
    );

    expect(options).toEqual({ only: ['codegen', 'bundle', 'refresh'], slow: true, quick: false });
  });

  test('refuses a benchmark name it does not know', () => {
    expect(() => parseBenchOptions(['--only', 'codgen'], NAMES)).toThrow(
      'Unknown benchmark: codgen (expected codegen, bundle, refresh)',
    );
  });

  test('refuses an unknown option', () => {
    expect(() => parseBenchOptions(['--fast'], NAMES)).toThrow("Unknown option '--fast'");
  });
});

describe(isFullRun, () => {
  test.each([
    { name: 'no option', argv: [], full: true },
    { name: '--slow', argv: ['--slow'], full: true },
    { name: '--quick', argv: ['--quick'], full: false },
    { name: '--only', argv: ['--only', 'bundle'], full: false },
  ])('says whether a run with $name may publish its results', ({ argv, full }) => {
    expect(isFullRun(parseBenchOptions(argv, NAMES))).toBe(full);
  });
});
