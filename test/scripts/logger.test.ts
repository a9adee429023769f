import { describe, expect, test } from '@jest/globals';

import { createLogger } from '../../scripts/logger.js';
import type { LogLevel } from '../../scripts/logger.js';

function printedAt(level?: LogLevel): string[] {
  const lines: string[] = [];
  const write = (line: string) => lines.push(line);
  const logger = createLogger(level === undefined ? { write } : { level, write });

  logger.error('e');
  logger.warn('w');
  logger.info('i');
  logger.debug('d');

  return lines;
}

describe(createLogger, () => {
  test.each([
    { level: 'silent' as const, lines: [] },
    { level: 'error' as const, lines: ['e\n'] },
    { level: 'warn' as const, lines: ['e\n', 'w\n'] },
    { level: 'debug' as const, lines: ['e\n', 'w\n', 'i\n', 'd\n'] },
  ])('prints what is at or above $level', ({ level, lines }) => {
    expect(printedAt(level)).toEqual(lines);
  });

  test('prints up to info by default', () => {
    expect(printedAt()).toEqual(['e\n', 'w\n', 'i\n']);
  });
});
