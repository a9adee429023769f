import { inspect } from 'node:util';

import { expect } from '@jest/globals';

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
