import { describe, expect, test } from '@jest/globals';
import { buildFacets } from '@lexforge/api/lib/bsky/rich-text/index';

import { rejection } from '../../../../_util/rejection.js';
import { expectedSlice } from '../facet-expectations.js';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

describe(buildFacets, () => {
  test('resolves mentions, drops unresolvable ones and keeps explicit facets first', async () => {
    const text = '@alice.test @ghost.test #tag';
    const explicit = {
      index: expectedSlice(text, '#tag'),
      features: [{ $type: 'app.bsky.richtext.facet#link' as const, uri: 'https://example.com' }],
    };
    const facets = await buildFacets(text, {
      resolveHandle: (handle) => Promise.resolve(handle === 'alice.test' ? DID : undefined),
      facets: [explicit],
    });

    expect(facets).toEqual([
      {
        index: expectedSlice(text, '@alice.test'),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: DID }],
      },
      explicit,
    ]);
  });

  test('refuses a resolver answer that is not a DID', async () => {
    const error = await rejection(
      buildFacets('@alice.test', { resolveHandle: () => Promise.resolve('alice') }),
    );

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('Handle resolved to a non-DID: alice.test -> "alice"');
  });

  test('lets a resolver failure through instead of dropping the mention', async () => {
    const failure = new Error('Resolver offline');
    const error = await rejection(
      buildFacets('@alice.test', { resolveHandle: () => Promise.reject(failure) }),
    );

    expect(error).toBe(failure);
  });
});
