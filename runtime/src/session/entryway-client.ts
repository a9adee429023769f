import { XrpcClient } from '../xrpc/xrpc-client.js';

/**
 * The client the session methods go through. Without a configured service it starts on a
 * placeholder and is pointed at the account's PDS once the identity is resolved.
 */
export class EntrywayClient extends XrpcClient {
  #target: URL | undefined;

  /** Sends the session methods to `url` from now on. */
  pointAt(url: URL): void {
    this.#target = new URL(url);
  }

  override get service(): URL {
    return this.#target === undefined ? super.service : new URL(this.#target);
  }
}
