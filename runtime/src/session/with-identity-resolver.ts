import { IdentityResolver } from '../identity/identity-resolver.js';

import type { AtpClientOptions } from './atp-client-options.js';

/**
 * Options for an {@link AtpClient} that finds an account's PDS by itself: when neither `service`
 * nor `identityResolver` is given, adds a resolver on `plcUrl` that fetches with the options'
 * `fetch`. The generated `Client` applies it; it lives apart from `AtpClient` so that a program
 * with a service does not carry identity resolution.
 *
 * @example
 * const client = new AtpClient(withIdentityResolver());
 * await client.authenticate('alice.bsky.social', appPassword);
 */
export function withIdentityResolver(options: AtpClientOptions = {}): AtpClientOptions {
  if (options.service !== undefined || options.identityResolver !== undefined) return options;

  const identityResolver = new IdentityResolver({
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.plcUrl === undefined ? {} : { plcUrl: options.plcUrl }),
  });

  return { ...options, identityResolver };
}
