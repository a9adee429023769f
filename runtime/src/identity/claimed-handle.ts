import { isHandle } from '../syntax/handle.js';

import type { Handle } from '../syntax/handle.js';
import type { DidDocument } from './did-document.js';

const AT_URI_PREFIX = 'at://';

function handleOf(uri: string): Handle | undefined {
  const rest = uri.slice(AT_URI_PREFIX.length);

  return uri.startsWith(AT_URI_PREFIX) && isHandle(rest)
    ? (rest.toLowerCase() as Handle)
    : undefined;
}

/**
 * Returns the handle a DID document claims, in lower case: the first `at://<handle>` entry of
 * `alsoKnownAs` whose rest is a valid handle, with nothing after it. The claim is not verified.
 */
export function claimedHandle(document: DidDocument): Handle | undefined {
  for (const uri of document.alsoKnownAs ?? []) {
    const handle = handleOf(uri);

    if (handle !== undefined) return handle;
  }

  return undefined;
}
