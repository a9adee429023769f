import { isNetworkError, isTimeoutError } from 'ky';

import { XrpcError } from '../errors/xrpc-error.js';
import { XrpcTransportError } from '../errors/xrpc-transport-error.js';

import type { XrpcTransportFailure } from '../errors/xrpc-transport-error.js';
import type { CallSignal } from './call-signal.js';

/** What a transport error names besides its cause. */
export interface FailureContext {
  readonly nsid: string;
  readonly origin: string;
  readonly timeout: number | false;
  readonly signal: CallSignal;
}

function classify(error: unknown, signal: CallSignal): XrpcTransportFailure | undefined {
  if (signal.aborted) return 'abort';
  if (signal.timedOut || isTimeoutError(error)) return 'timeout';

  return isNetworkError(error) ? 'network' : undefined;
}

function causeOf(reason: XrpcTransportFailure, error: unknown, signal: CallSignal): unknown {
  if (reason === 'abort') return signal.reason;
  if (reason === 'timeout') return undefined;

  // @NOTE ky's own errors hold the Request, Authorization header included: never keep one as a
  // cause. A network error's cause is fetch's own error, which names only the address.
  return isNetworkError(error) ? error.cause : error;
}

/**
 * Maps a failed attempt to an {@link XrpcTransportError}: the caller's abort, a timeout or a
 * network failure. While reading a body every other failure is the network's too; before that, an
 * error it does not recognize (one thrown by a hook, say) is returned as is.
 */
export function toTransportError(
  error: unknown,
  context: FailureContext,
  readingBody: boolean,
): unknown {
  if (error instanceof XrpcError) return error;

  const reason = classify(error, context.signal) ?? (readingBody ? 'network' : undefined);

  if (reason === undefined) return error;

  const { nsid, origin, timeout, signal } = context;

  return new XrpcTransportError({
    nsid,
    origin,
    reason,
    timeout,
    cause: causeOf(reason, error, signal),
  });
}
