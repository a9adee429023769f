import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from '@jest/globals';
import { diffLexicons } from '@lexforge/codegen';
import type { LexiconDocuments } from '@lexforge/codegen';

import { createLogger } from '../../../codegen/src/cli/logger.js';
import { runCli } from '../../../codegen/src/cli/run-cli.js';
import { makeTempDir } from '../../_util/temp-dir.js';
import { writeLexicons } from '../codegen-fixtures.js';
import { AFTER, BEFORE, field, NSID } from './lexicon-pairs.js';

/** What a CLI run returned and printed: the report on `stdout`, messages on `stderr`. */
interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Writes both sets into a fresh temp folder, as `old/` and `new/`. */
function writePair(
  before: LexiconDocuments,
  after: LexiconDocuments,
): { old: string; new: string } {
  const temp = makeTempDir('diff');

  cleanups.push(temp.remove);
  writeLexicons(join(temp.dir, 'old'), before as Record<string, unknown>);
  writeLexicons(join(temp.dir, 'new'), after as Record<string, unknown>);

  return { old: join(temp.dir, 'old'), new: join(temp.dir, 'new') };
}

async function run(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const logger = createLogger('info', { write: (text: string) => (stderr += text) });
  const code = await runCli(argv, logger, { write: (text: string) => (stdout += text) });

  return { code, stdout, stderr };
}

const NOT_A_LEXICON = JSON.stringify({
  lexicon: 1,
  id: NSID,
  defs: { main: { type: 'object', properties: { n: { type: 'integer', minimum: 'one' } } } },
});

const REPORT = `Documents: 1 added, 1 removed, 1 changed; findings: 3 breaking, 3 compatible, 1 info

Added documents (1):
  com.example.new

Removed documents (1):
  com.example.gone

com.example.thing:
  breaking    $.defs.dropped  Def removed: dropped
  breaking    $.defs.view.properties.old  Field removed: old
  compatible  $.defs.added  Def added: added
  compatible  $.defs.view.properties.text.maxLength  Constraint relaxed: maxLength 300 -> 3000
  info        $.defs.view.properties.text.description  Text added: description
`;

describe('lexforge lexicons diff', () => {
  test('prints a report grouped by document, breaking findings first', async () => {
    const dirs = writePair(BEFORE, AFTER);
    const result = await run('lexicons', 'diff', dirs.old, dirs.new);

    expect(result).toEqual({
      code: 0,
      stdout: REPORT,
      stderr: expect.stringMatching(/^Compared 3 with 3 lexicon documents in \d+\.\d\d s\n$/),
    });
  });

  test('prints the structured report with --json', async () => {
    const dirs = writePair(BEFORE, AFTER);
    const { code, stdout } = await run('lexicons', 'diff', dirs.old, dirs.new, '--json');
    const report = JSON.parse(stdout) as unknown;

    expect(code).toBe(0);
    expect(report).toEqual(diffLexicons(BEFORE, AFTER));
    expect(report).toMatchObject({
      summary: { documents: { added: 1, removed: 1, changed: 1 } },
      documents: { added: ['com.example.new'], removed: ['com.example.gone'] },
    });
    expect((report as { findings: unknown[] }).findings).toContainEqual({
      nsid: NSID,
      def: 'view',
      path: '$.defs.view.properties.old',
      kind: 'field-removed',
      verdict: 'breaking',
      message: 'Field removed: old',
    });
  });

  test.each([
    { name: 'a breaking change without --check', pair: [BEFORE, AFTER], check: [], code: 0 },
    { name: 'a breaking change with --check', pair: [BEFORE, AFTER], check: ['--check'], code: 1 },
    {
      name: 'only compatible changes with --check',
      pair: [field({ type: 'string', maxLength: 1 }), field({ type: 'string', maxLength: 2 })],
      check: ['--check'],
      code: 0,
    },
    { name: 'identical sets with --check', pair: [BEFORE, BEFORE], check: ['--check'], code: 0 },
  ])('exits $code for $name', async ({ pair: [before, after], check, code }) => {
    const dirs = writePair(before as LexiconDocuments, after as LexiconDocuments);

    expect((await run('lexicons', 'diff', dirs.old, dirs.new, ...check)).code).toBe(code);
  });

  test('prints only the summary line for identical sets, manifests aside', async () => {
    const dirs = writePair(BEFORE, BEFORE);

    writeFileSync(join(dirs.new, 'manifest.json'), '{"documents": []}');

    expect((await run('lexicons', 'diff', dirs.old, dirs.new)).stdout).toBe(
      'Documents: 0 added, 0 removed, 0 changed; findings: 0 breaking, 0 compatible, 0 info\n',
    );
  });

  test.each([
    {
      name: 'a missing folder',
      spoil: (old: string) => ({ old: `${old}-missing`, culprit: `${old}-missing` }),
      line: (folder: string) => `Lexicon folder not found: ${folder}`,
    },
    {
      name: 'a file that is not JSON',
      spoil: (old: string) => ({ old, culprit: writeBroken(old, '{"lexicon": 1,') }),
      line: (file: string) => `Lexicon document not valid JSON: ${file} (`,
    },
    {
      name: 'a file that is not a lexicon',
      spoil: (old: string) => ({ old, culprit: writeBroken(old, NOT_A_LEXICON) }),
      line: (file: string) =>
        `Lexicon document invalid: ${file} ($.defs.main.properties.n.minimum: `,
    },
  ])('exits 2 with a one-line error naming $name', async ({ spoil, line }) => {
    const dirs = writePair(BEFORE, AFTER);
    const { old, culprit } = spoil(dirs.old);
    const result = await run('lexicons', 'diff', old, dirs.new, '--check');

    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^${escapeRegExp(line(culprit))}[^\\n]*\\n$`));
  });

  test.each([
    { name: 'one folder', args: ['old'] },
    { name: 'three folders', args: ['a', 'b', 'c'] },
    { name: 'an unknown option', args: ['a', 'b', '--strict'] },
  ])('exits 2 with its usage given $name', async ({ args }) => {
    const result = await run('lexicons', 'diff', ...args);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: lexforge lexicons diff <old-dir> <new-dir>');
  });
});

/** Writes a broken document into the folder and returns its path. */
function writeBroken(dir: string, text: string): string {
  const file = join(dir, 'com', 'example', 'broken.json');

  writeFileSync(file, text);

  return file;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
