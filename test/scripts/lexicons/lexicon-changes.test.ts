import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from '@jest/globals';
import { diffLexiconFolders, formatLexiconDiff } from '@lexforge/codegen';

import { syncLexicons } from '../../../scripts/lexicons/sync-lexicons.js';
import { createLogger } from '../../../scripts/logger.js';
import { ODD_LAYOUT, TempDirs, writeFixtureSet } from './fixtures.js';
import { sharedPath } from '../../_util/shared-data.js';

const SHARED = sharedPath('lexicons');

const temp = new TempDirs();

afterEach(() => temp.removeAll());

/** Syncs `from` into `lexicons/` of `dir` and returns the result with every line logged. */
async function sync(dir: string, from: string) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', write: (line) => lines.push(line.trimEnd()) });
  const result = await syncLexicons({ from, to: 'lexicons', cwd: dir, logger });

  return { result, lines };
}

describe('lexicon sync change report', () => {
  test('logs nothing but the summary for a first sync or the same documents again', async () => {
    const dir = await temp.create();

    await writeFixtureSet(join(dir, 'fixtures'));

    const first = await sync(dir, 'fixtures');
    const again = await sync(dir, 'fixtures');

    expect(first.result.lexiconDiff).toBeUndefined();
    expect(again.result.lexiconDiff?.findings).toEqual([]);
    expect([...first.lines, ...again.lines]).toEqual([
      expect.stringMatching(/^Synced 4 lexicon documents /),
      expect.stringMatching(/^Synced 4 lexicon documents /),
    ]);
  });

  test('logs how the incoming documents differ from those the folder held', async () => {
    const dir = await temp.create();
    const odd = join(dir, 'fixtures', ODD_LAYOUT.path);

    await writeFixtureSet(join(dir, 'fixtures'));
    await sync(dir, 'fixtures');
    await writeFile(odd, ODD_LAYOUT.text.replace('"token"', '"object", "properties": {}'));
    await rm(join(dir, 'fixtures', 'app/bsky/feed/like.json'));

    const { result, lines } = await sync(dir, 'fixtures');

    expect(lines).toEqual([
      'Documents: 0 added, 1 removed, 1 changed; findings: 2 breaking, 0 compatible, 0 info',
      '',
      'Removed documents (1):',
      '  app.bsky.feed.like',
      '',
      'com.example.oddLayout:',
      '  breaking    $.defs.main.type  Type changed: token -> object',
      expect.stringMatching(/^Synced 3 lexicon documents .*\(0 added, 1 removed, 1 changed\)/),
    ]);
    expect(result.lexiconDiff?.summary.findings.breaking).toBe(2);
  });

  test('reports an upgrade of the official set as lexicons diff does', async () => {
    const dir = await temp.create();
    const before = join(SHARED, 'atproto-2025-05-31');
    const after = join(SHARED, 'atproto-2026-08-20');

    await sync(dir, before);

    const { lines } = await sync(dir, after);
    const report = formatLexiconDiff(await diffLexiconFolders(before, after));

    expect(lines.slice(0, -1).join('\n')).toBe(report.trimEnd());
    expect(lines[0]).toMatch(/^Documents: 141 added, 1 removed, 63 changed; findings: 7 breaking/);
  });
});
