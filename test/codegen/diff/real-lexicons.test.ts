import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

import { beforeAll, describe, expect, test } from '@jest/globals';
import type { DiffFinding, LexiconDiff } from '@lexforge/codegen';

import { createLogger } from '../../../codegen/src/cli/logger.js';
import { runCli } from '../../../codegen/src/cli/run-cli.js';
import { listFiles } from '../codegen-fixtures.js';
import { sharedPath } from '../../_util/shared-data.js';

const SHARED = sharedPath('lexicons');

const OLD = join(SHARED, 'atproto-2025-05-31');

const NEW = join(SHARED, 'atproto-2026-08-20');

/** The NSIDs of a folder, read off the file paths: each document sits at its NSID path. */
function nsidsIn(dir: string): string[] {
  return listFiles(dir)
    .filter((path) => path.endsWith('.json'))
    .map((path) => path.slice(0, -'.json'.length).split(sep).join('.'))
    .sort();
}

function readDocument(dir: string, nsid: string): unknown {
  return JSON.parse(readFileSync(join(dir, `${nsid.replaceAll('.', sep)}.json`), 'utf8'));
}

/** The schema of `convoView.status` in a version of `chat.bsky.convo.defs`. */
function convoStatus(dir: string): Record<string, unknown> {
  const doc = readDocument(dir, 'chat.bsky.convo.defs') as {
    defs: { convoView: { properties: { status: Record<string, unknown> } } };
  };

  return doc.defs.convoView.properties.status;
}

/** The parsed document at an NSID, with object keys sorted so that key order does not count. */
function canonical(dir: string, nsid: string): string {
  return JSON.stringify(readDocument(dir, nsid), (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
}

async function diffCli(...flags: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(['lexicons', 'diff', OLD, NEW, ...flags], createLogger('silent'), {
    write: (text: string) => (stdout += text),
  });

  return { code, stdout };
}

const oldNsids = nsidsIn(OLD);

const newNsids = nsidsIn(NEW);

let diff: LexiconDiff;

beforeAll(async () => {
  const { code, stdout } = await diffCli('--json');

  expect(code).toBe(0);
  diff = JSON.parse(stdout) as LexiconDiff;
});

const GET_THREAD = 'app.bsky.unspecced.getPostThreadV2';

const THREAD_OUTPUT = '$.defs.main.output.schema.properties';

/** Findings checked by hand against both versions of each document. */
const VERIFIED: Omit<DiffFinding, 'def'>[] = [
  {
    nsid: 'app.bsky.embed.images',
    path: '$.defs.image.properties.image.maxSize',
    kind: 'constraint-relaxed',
    verdict: 'compatible',
    message: 'Constraint relaxed: maxSize 1000000 -> 2000000',
  },
  {
    nsid: 'app.bsky.feed.post',
    path: '$.defs.main.record.properties.embed.refs',
    kind: 'union-member-added',
    verdict: 'compatible',
    message: 'Union member added: app.bsky.embed.gallery',
  },
  {
    nsid: 'com.atproto.server.getServiceAuth',
    path: '$.defs.main.parameters.properties.aud.format',
    kind: 'constraint-relaxed',
    verdict: 'compatible',
    message: 'Format removed: did',
  },
];

/** Documents whose text changed but not their meaning: known values `#x` respelled `<nsid>#x`. */
const RESPELLED = ['tools.ozone.team.defs'];

/** Every breaking change between the two snapshots, each checked by hand: NSID, path, kind. */
const BREAKING = [
  [
    'app.bsky.actor.defs',
    '$.defs.threadViewPref.properties.prioritizeFollowedUsers',
    'field-removed',
  ],
  ['app.bsky.unspecced.getPostThreadHiddenV2', '$', 'document-removed'],
  [GET_THREAD, `${THREAD_OUTPUT}.hasHiddenReplies`, 'field-removed'],
  [GET_THREAD, `${THREAD_OUTPUT}.hasOtherReplies`, 'required-field-added'],
  [GET_THREAD, '$.defs.main.parameters.properties.prioritizeFollowedUsers', 'field-removed'],
  [
    'chat.bsky.moderation.getMessageContext',
    '$.defs.main.output.schema.properties.messages.items.refs',
    'union-member-removed',
  ],
  [
    'com.atproto.server.getServiceAuth',
    '$.defs.main.parameters.properties.aud.maxLength',
    'constraint-tightened',
  ],
];

describe('lexforge lexicons diff atproto-2025-05-31 atproto-2026-08-20', () => {
  test('lists exactly the documents added and removed between the two folders', () => {
    expect(diff.documents.added).toEqual(newNsids.filter((nsid) => !oldNsids.includes(nsid)));
    expect(diff.documents.removed).toEqual(oldNsids.filter((nsid) => !newNsids.includes(nsid)));
    expect(diff.documents.added).toHaveLength(141);
    expect(diff.documents.removed).toEqual(['app.bsky.unspecced.getPostThreadHiddenV2']);
  });

  test('lists as changed exactly the kept documents whose content differs, key order aside', () => {
    const differing = oldNsids
      .filter((nsid) => newNsids.includes(nsid))
      .filter((nsid) => canonical(OLD, nsid) !== canonical(NEW, nsid))
      .filter((nsid) => !RESPELLED.includes(nsid));

    expect(diff.documents.changed.map(({ nsid }) => nsid)).toEqual(differing);
    expect(differing).not.toContain('com.atproto.server.getSession');
    expect(diff.findings.filter(({ nsid }) => RESPELLED.includes(nsid))).toEqual([]);
  });

  test('finds every breaking change, and only those', () => {
    const breaking = diff.findings.filter(({ verdict }) => verdict === 'breaking');

    expect(breaking.map(({ nsid, path, kind }) => [nsid, path, kind])).toEqual(BREAKING);
    expect(diff.summary.findings.breaking).toBe(BREAKING.length);
  });

  test.each(VERIFIED)('reports $message in $nsid', (finding) => {
    expect(diff.findings).toContainEqual(expect.objectContaining(finding));
  });

  test('sees no change where a string schema moved into a named def unchanged', () => {
    const findings = diff.findings.filter(({ nsid }) => nsid === 'chat.bsky.convo.defs');

    expect(convoStatus(OLD)).toMatchObject({ type: 'string' });
    expect(convoStatus(NEW)).toMatchObject({ type: 'ref', ref: '#convoStatus' });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter(({ path }) => path.includes('.convoView.properties.status'))).toEqual(
      [],
    );
  });

  test('exits 0 without --check, and with --check whether anything is breaking', async () => {
    const plain = await diffCli();
    const checked = await diffCli('--check');
    const anyBreaking = diff.findings.some(({ verdict }) => verdict === 'breaking');

    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /^Documents: 141 added, 1 removed, 63 changed; findings: 7 breaking, /,
    );
    expect(checked.code).toBe(anyBreaking ? 1 : 0);
    expect(checked.code).toBe(1);
  });
});
