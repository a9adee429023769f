import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, test } from '@jest/globals';
import { bsky, Client } from '@lexforge/api';

import { createTestAccount, describeWithAppView, processAll, testPds } from './_util/pds.js';
import { makeTempDir } from './_util/temp-dir.js';

// The library example of README.md, with the test network for bsky.social.
describeWithAppView('the README example', () => {
  test('logs in, saves the session, resumes from it and reads the profile', async () => {
    const temp = makeTempDir('readme');
    const account = await createTestAccount('readme');
    const file = join(temp.dir, 'session.json');
    const run = async (): Promise<string | undefined> => {
      const client = new Client({ service: testPds().url });
      const saved = await readFile(file, 'utf8').then(JSON.parse, () => undefined);

      await client.authenticate(account.handle, account.password, saved);
      await writeFile(file, JSON.stringify(client.authenticated()), { mode: 0o600 });

      const profile = await bsky(client).getProfile().actor(client.authenticated().handle).send();

      return profile.displayName;
    };

    try {
      const writer = new Client({ service: testPds().url });

      await writer.authenticate(account.handle, account.password);
      await bsky(writer).updateProfile((current) => ({ ...current, displayName: 'Readme' }));
      await processAll();

      expect(await run()).toBe('Readme');
      expect(await run()).toBe('Readme');
    } finally {
      temp.remove();
    }
  });
});
