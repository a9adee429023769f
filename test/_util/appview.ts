import { describe, test } from '@jest/globals';

import { PDS_ENV, PROCESS_ALL_PATH } from './global-setup.js';

/** The AppView of the full test network, booted once per jest run with the PDS. */
export interface TestAppView {
  url: string;
  /** The AppView's service DID, e.g. for `atproto-proxy: <did>#bsky_appview`. */
  did: string;
}

/** Returns the test AppView, or undefined when the run booted only the PLC and the PDS. */
export function testAppView(): TestAppView | undefined {
  const url = process.env[PDS_ENV.appViewUrl];
  const did = process.env[PDS_ENV.appViewDid];

  return url && did ? { url, did } : undefined;
}

/** The header that makes the PDS forward an app.bsky call to the test AppView. */
export function appViewProxyHeader(appView: TestAppView): { 'atproto-proxy': string } {
  return { 'atproto-proxy': `${appView.did}#bsky_appview` };
}

/**
 * Waits until the network has processed every event the PDS has emitted so far: call it after a
 * write and before reading the result through the AppView.
 */
export async function processAll(): Promise<void> {
  const controlUrl = process.env[PDS_ENV.controlUrl];

  if (!controlUrl) throw new Error('Test network not booted: no control server to process events');

  const response = await fetch(`${controlUrl}${PROCESS_ALL_PATH}`, { method: 'POST' });

  if (!response.ok) {
    throw new Error(
      `Test network events not processed: ${response.status} ${await response.text()}`,
    );
  }
}

function noAppViewReason(): string {
  return process.env[PDS_ENV.noAppViewReason] ?? 'PostgreSQL or Redis not available';
}

/**
 * Declares a `describe` block for tests that need the AppView. Without one, the block is skipped
 * with the reason in its title, except under `CI=true`, where it fails instead.
 */
export function describeWithAppView(name: string, fn: (appView: TestAppView) => void): void {
  const appView = testAppView();

  if (appView !== undefined) {
    describe(name, () => fn(appView));

    return;
  }

  if (process.env['CI'] === 'true') {
    describe(name, () => {
      test('runs against the AppView', () => {
        throw new Error(`AppView not running under CI: ${noAppViewReason()}`);
      });
    });

    return;
  }

  describe(name, () => {
    test.skip(`needs the AppView, not running: ${noAppViewReason()}`, () => undefined);
  });
}
