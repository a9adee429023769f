import { describe, expect, test } from '@jest/globals';

import {
  formatBytes,
  formatFactor,
  formatMs,
  formatNanos,
  formatRatio,
  renderTable,
  wrapText,
} from '../../../scripts/bench/format.js';
import { summarize } from '../../../scripts/bench/sampling.js';

describe(formatMs, () => {
  test.each([
    { name: 'tenths below 100 ms', ms: 12.34, text: '12.3 ms' },
    { name: 'whole milliseconds below 1 s', ms: 812.4, text: '812 ms' },
    { name: 'seconds from 1 s', ms: 1234, text: '1.23 s' },
    { name: 'minutes from 1 min', ms: 71_600, text: '1 min 12 s' },
  ])('writes $name', ({ ms, text }) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe(formatFactor, () => {
  test.each([
    { name: 'two decimals', ratio: 0.456, text: '0.46×' },
    { name: 'one decimal from 10', ratio: 12.34, text: '12.3×' },
    { name: 'two significant digits below 0.01', ratio: 0.0000971, text: '0.000097×' },
  ])('writes $name', ({ ratio, text }) => {
    expect(formatFactor(ratio)).toBe(text);
  });
});

describe(formatRatio, () => {
  test('writes the median and the range, or the interquartile range', () => {
    const summary = summarize([0.5, 0.6, 0.7, 0.8, 0.9]);

    expect(formatRatio(summary)).toBe('0.70× (0.50–0.90)');
    expect(formatRatio(summary, 'iqr')).toBe('0.70× (0.60–0.80)');
  });
});

describe(formatNanos, () => {
  test('switches to microseconds from 10 µs', () => {
    expect(formatNanos(summarize([850, 870, 900]))).toBe('870 ns (860–885)');
    expect(formatNanos(summarize([12_000, 13_000, 14_000]))).toBe('13.0 µs (12.5–13.5)');
  });
});

describe(formatBytes, () => {
  test('adds kilobytes from 1 KB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(20_989)).toBe('20,989 B (20.5 KB)');
  });
});

describe(renderTable, () => {
  test('pads the columns and escapes pipes', () => {
    const table = renderTable({ headers: ['Name', 'Value'], rows: [['a|b', '1']] });

    expect(table).toBe(['| Name | Value |', '| ---- | ----- |', '| a\\|b | 1     |'].join('\n'));
  });
});

describe(wrapText, () => {
  test('breaks between words at the width, with prefixes for a list item', () => {
    expect(wrapText('one two three four five', 12, '- ', '  ')).toBe(
      '- one two\n  three four\n  five',
    );
  });

  test('keeps a code span on one line', () => {
    expect(wrapText('set `expiryMargin: 0` here', 14)).toBe('set\n`expiryMargin: 0`\nhere');
  });

  test('keeps a word longer than the width whole on its own line', () => {
    expect(wrapText('a averyveryverylongword b', 8)).toBe('a\naveryveryverylongword\nb');
  });
});
