import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, test } from '@jest/globals';
import { generate } from '@lexforge/codegen';

import { syncLexicons } from '../../scripts/lexicons/sync-lexicons.js';
import { sharedPath } from '../_util/shared-data.js';
import { makeTempDir } from '../_util/temp-dir.js';

const SNAPSHOTS = sharedPath('lexicons');
const temp = makeTempDir('upgrade');

afterAll(() => temp.remove());

function moduleOf(out: string, nsid: string): string {
  return join(out, 'src', ...nsid.split('.')) + '.ts';
}

describe('upgrading the official lexicons', () => {
  test('syncs and regenerates from 2025-05-31 to 2026-08-20, one command each', async () => {
    const lexicons = join(temp.dir, 'lexicons');
    const out = join(temp.dir, 'api');

    await syncLexicons({ from: join(SNAPSHOTS, 'atproto-2025-05-31'), to: lexicons });
    const before = await generate({ lexicons: [lexicons], out });
    const upgrade = await syncLexicons({
      from: join(SNAPSHOTS, 'atproto-2026-08-20'),
      to: lexicons,
    });
    const after = await generate({ lexicons: [lexicons], out });
    const diff = upgrade.lexiconDiff;

    expect(before.documents).toBe(262);
    expect(after.documents).toBe(402);
    expect(diff?.documents.added.length).toBe(141);

    for (const nsid of diff?.documents.added ?? [])
      expect(existsSync(moduleOf(out, nsid))).toBe(true);
    for (const nsid of diff?.documents.removed ?? [])
      expect(existsSync(moduleOf(out, nsid))).toBe(false);
  });
});
