import { describe, expect, test } from '@jest/globals';

import { RESULTS_END, RESULTS_START, replaceResults } from '../../../scripts/bench/results-file.js';

describe(replaceResults, () => {
  test('replaces what lies between the markers and keeps the rest', () => {
    const markdown = `# Title\n\nIntro.\n\n${RESULTS_START}\n\nold\n\n${RESULTS_END}\n\nOutro.\n`;

    expect(replaceResults(markdown, '\nnew\n')).toBe(
      `# Title\n\nIntro.\n\n${RESULTS_START}\n\nnew\n\n${RESULTS_END}\n\nOutro.\n`,
    );
  });

  test.each([
    { name: 'no markers', markdown: '# Title\n' },
    { name: 'no end marker', markdown: `${RESULTS_START}\n` },
    { name: 'markers in reverse order', markdown: `${RESULTS_END}\n${RESULTS_START}\n` },
  ])('refuses a text with $name', ({ markdown }) => {
    expect(() => replaceResults(markdown, 'new')).toThrow('Results markers not found');
  });
});
