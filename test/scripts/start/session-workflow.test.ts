import { describe, expect, test } from '@jest/globals';

import { runSessionWorkflow } from '../../../scripts/start/session-workflow.js';
import { expiredToken, processAll, testAppView, testPds } from '../../_util/pds.js';
import { makeTempDir } from '../../_util/temp-dir.js';

describe(runSessionWorkflow, () => {
  test('walks through the session chain, each step costing the calls it should', async () => {
    const temp = makeTempDir('workflow');
    const seen: string[] = [];

    try {
      const results = await runSessionWorkflow(
        {
          pdsUrl: testPds().url,
          expiredToken: (jwt) => expiredToken(jwt),
          appView: testAppView(),
          processAll,
        },
        { dir: temp.dir, onStep: (result) => seen.push(result.title) },
      );
      const calls = Object.fromEntries(results.map((result) => [result.title, result.calls]));

      expect(seen).toEqual(results.map((result) => result.title));
      expect(calls).toEqual({
        'Create an account': ['com.atproto.server.createAccount'],
        'Log in with the password': ['com.atproto.server.createSession'],
        'Save the session to a file': [],
        'Start again from the file (no login)': ['com.atproto.server.getSession'],
        'The access token expires (refresh path)': ['com.atproto.server.refreshSession'],
        'The refresh token is revoked (password path)': [
          'com.atproto.server.refreshSession',
          'com.atproto.server.createSession',
        ],
        'Set the profile': ['com.atproto.repo.getRecord', 'com.atproto.repo.putRecord'],
        'Post with rich text': [
          'com.atproto.identity.resolveHandle',
          'com.atproto.repo.createRecord',
        ],
        'Read the profile and the post back': testAppView()
          ? ['app.bsky.actor.getProfile', 'app.bsky.feed.getPostThread']
          : ['com.atproto.repo.getRecord', 'com.atproto.repo.getRecord'],
        'Log out': ['com.atproto.server.deleteSession'],
      });
      expect(results[8]?.outcome).toContain('"lexforge walk-through"');
      expect(results[8]?.outcome).toContain('3 facets: "@');
      expect(results[8]?.outcome).toContain('"https://atproto.com/specs"');
      expect(results[8]?.outcome).toContain('"#lexforge"');
      expect(results[2]?.outcome).toContain('(mode 600)');
      expect(results[3]?.outcome).toContain('(0 calls)');
      expect(results.at(-1)?.outcome).toContain('the session file is gone');
    } finally {
      temp.remove();
    }
  });
});
