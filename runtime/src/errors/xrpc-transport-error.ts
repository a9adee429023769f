import { excerpt } from './redact.js';
import { XrpcError } from './xrpc-error.js';

/** Why no response arrived: the network failed, the timeout elapsed, or the caller aborted. */
export type XrpcTransportFailure = 'network' | 'timeout' | 'abort';

/** What went wrong on the way to or from the server. */
export interface XrpcTransportErrorDetails {
  /** The NSID of the method that was called. */
  readonly nsid: string;
  readonly reason: XrpcTransportFailure;
  /** The origin of the service, named in network failures. */
  readonly origin: string;
  /** The timeout in milliseconds that elapsed, named in timeout failures. */
  readonly timeout?: number | false | undefined;
  /** The network error, or the abort reason of the caller's signal. */
  readonly cause?: unknown;
}

function describe(details: XrpcTransportErrorDetails): string {
  const subject = `XRPC request failed: ${details.nsid}`;

  switch (details.reason) {
    case 'abort':
      return `${subject} was aborted`;
    case 'timeout':
      return `${subject} timed out after ${String(details.timeout)} ms`;
    case 'network':
      return `${subject} could not reach ${details.origin}${causeSuffix(details.cause)}`;
  }
}

// @NOTE Duck-typed: fetch's errors may come from another realm, where `instanceof Error` fails.
function messageOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('message' in value)) return undefined;

  return typeof value.message === 'string' ? value.message : undefined;
}

function causeSuffix(cause: unknown): string {
  const message = messageOf(cause);

  if (message === undefined) return '';

  const inner = messageOf((cause as { cause?: unknown }).cause);
  const text = inner === undefined ? message : `${message} (${inner})`;

  return `: ${excerpt(text, 200)}`;
}

/**
 * No usable response arrived: the connection failed or broke off (`network`), the per-attempt
 * timeout elapsed (`timeout`), or the caller's `AbortSignal` fired (`abort`). Network failures and
 * timeouts are retryable; aborts are not.
 */
export class XrpcTransportError extends XrpcError {
  override readonly name: string = 'XrpcTransportError';

  /** What kind of failure this was. */
  readonly reason: XrpcTransportFailure;

  constructor(details: XrpcTransportErrorDetails) {
    const retryable = details.reason !== 'abort';

    super(details.nsid, describe(details), { cause: details.cause, retryable });
    this.reason = details.reason;
  }
}
