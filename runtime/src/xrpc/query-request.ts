import { XrpcRequest } from './xrpc-request.js';

import type { QueryMethod } from './method.js';
import type { FieldValues } from './xrpc-request.js';
import type { XrpcClient } from './xrpc-client.js';

/**
 * A request to a lexicon query (sent as GET); generated code extends it with one setter per
 * param.
 *
 * @example
 * const profile = await getProfile(client).actor('bsky.app').send();
 */
export class QueryRequest<P, O> extends XrpcRequest<P, never, O> {
  public constructor(client: XrpcClient, method: QueryMethod<P, O>) {
    super(client, method);
  }

  /** Sets several params at once; `undefined` values remove theirs. */
  with(values: FieldValues<P>): this {
    return this.$params(values);
  }
}
