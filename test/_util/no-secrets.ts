import { inspect } from 'node:util';

import { expect } from '@jest/globals';

/** A well-formed JWT that no server issued, for tests that only need a token to keep secret. */
export const FAKE_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOnRlc3QifQ.c2lnbmF0dXJlLXRlc3Q';

/**
 * Asserts that none of `secrets` (nor any `Bearer ey...` value) shows in the message, the
 * `util.inspect` output (causes included) or the `JSON.stringify` output of `value`.
 */
export function expectNoSecrets(value: unknown, secrets: readonly string[]): void {
  const message = value instanceof Error ? value.message : '';
  const views = [message, inspect(value, { depth: 10 }), JSON.stringify(value) ?? ''];

  for (const view of views) {
    for (const secret of secrets) expect(view).not.toContain(secret);

    expect(view).not.toMatch(/Bearer ey/i);
  }
}
