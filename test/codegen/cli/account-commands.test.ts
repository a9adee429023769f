import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { runCli } from '../../../codegen/src/cli/run-cli.js';
import { createLogger } from '../../../codegen/src/cli/logger.js';
import {
  createTestAccount,
  describeWithAppView,
  processAll,
  type TestAccount,
  testPds,
} from '../../_util/pds.js';
import { makeTempDir } from '../../_util/temp-dir.js';

const temp = makeTempDir('cli');
// a config folder that does not exist yet, as on a first login
const configDir = join(temp.dir, 'config', 'lexforge');
let account: TestAccount;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function lexforge(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const logger = createLogger(argv.includes('--verbose') ? 'debug' : 'info', {
    write: (text: string) => (err += text),
  });
  const code = await runCli(argv, logger, { write: (text: string) => (out += text) });

  return { code, out, err };
}

beforeAll(async () => {
  account = await createTestAccount('cli');
  process.env['LEXFORGE_CONFIG_DIR'] = configDir;
  process.env['LEXFORGE_PASSWORD'] = account.password;
});

afterAll(() => {
  delete process.env['LEXFORGE_CONFIG_DIR'];
  delete process.env['LEXFORGE_PASSWORD'];
  temp.remove();
});

describe('lexforge account commands', () => {
  test('logs in, saving the session 0600 and the account without the password', async () => {
    const run = await lexforge('login', account.handle, '--service', testPds().url);
    const saved = readFileSync(join(configDir, 'account.json'), 'utf8');

    expect(run).toMatchObject({
      code: 0,
      out: `Logged in as ${account.handle} (${account.did}) on ${testPds().url}\n`,
    });
    expect(statSync(join(configDir, 'session.json')).mode & 0o777).toBe(0o600);
    expect(saved).not.toContain(account.password);
  });

  test('prints its usage on --help', async () => {
    const run = await lexforge('login', '--help');

    expect(run.code).toBe(0);
    expect(run.out).toContain('lexforge login <handle|did|email>');
  });

  test('tells who is logged in from the saved session', async () => {
    const run = await lexforge('whoami');

    expect(run.code).toBe(0);
    expect(run.out).toContain(`${account.handle} (${account.did})`);
  });

  test('posts with rich text and prints the record URI', async () => {
    const run = await lexforge('post', 'hello', 'from', 'the', 'CLI', '#lexforge');

    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^Posted at://${account.did}/app.bsky.feed.post/\\w+\\n$`));
  });

  test('prints request summaries with --verbose and never a secret', async () => {
    const run = await lexforge('post', 'said', 'loudly', '--verbose');
    const session = JSON.parse(readFileSync(join(configDir, 'session.json'), 'utf8')) as {
      accessJwt: string;
    };

    expect(run.err).toMatch(
      /^→ POST http:\/\/localhost:\d+\/xrpc\/com\.atproto\.repo\.createRecord$/m,
    );
    expect(run.err).toMatch(/^← 200 POST .*createRecord$/m);
    expect(run.err + run.out).not.toContain(session.accessJwt);
    expect(run.err + run.out).not.toContain('Bearer');
    expect(run.err + run.out).not.toContain(account.password);
  });

  describeWithAppView('with the AppView', () => {
    test('shows a profile and the timeline', async () => {
      await processAll();

      const profile = await lexforge('profile');
      const timeline = await lexforge('timeline', '--limit', '5');

      expect(profile.code).toBe(0);
      expect(profile.out).toContain(`@${account.handle}`);
      expect(timeline.code).toBe(0);
    });
  });

  test('logs out, then says so in one line', async () => {
    const out = await lexforge('logout');
    const after = await lexforge('whoami', '--service', testPds().url);

    expect(out).toMatchObject({ code: 0, out: 'Logged out\n' });
    expect(after.code).toBe(1);
    expect(after.err.trim().split('\n')).toEqual([
      'Not logged in: run lexforge login <handle> --service <url>',
    ]);
  });

  test('runs on a temporary local network when no account is configured', async () => {
    process.env['LEXFORGE_TEST_APPVIEW'] = '0';

    try {
      const run = await lexforge('post', 'hello', 'local');

      expect(run.code).toBe(0);
      expect(run.err).toMatch(
        /^No account configured: using local\w+\.test on a temporary local network$/m,
      );
      expect(run.out).toMatch(/^Posted at:\/\/did:plc:\w+\/app\.bsky\.feed\.post\/\w+\n$/);
    } finally {
      delete process.env['LEXFORGE_TEST_APPVIEW'];
    }
  }, 60_000);
});
