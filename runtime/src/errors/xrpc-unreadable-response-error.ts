import { isRetryableStatus } from '../xrpc/retry-policy.js';
import { excerpt } from './redact.js';
import { XrpcError } from './xrpc-error.js';

/** What was received instead of the expected XRPC body. */
export interface XrpcUnreadableResponseErrorDetails {
  /** The NSID of the method that was called. */
  readonly nsid: string;
  /** The HTTP status of the response. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body as text, or `''` when it was empty. */
  readonly text: string;
  /** Why the body could not be read, e.g. the `SyntaxError` of `JSON.parse`. */
  readonly cause?: unknown;
}

const EXCERPT_LENGTH = 120;

function describe(details: XrpcUnreadableResponseErrorDetails, quoted: string): string {
  const contentType = details.headers.get('content-type') ?? 'no content type';
  const body = details.text === '' ? 'an empty body' : `${contentType}: ${quoted}`;

  return `XRPC response unreadable: ${details.nsid} answered ${details.status} with ${body}`;
}

/**
 * A server answered with something that is not the XRPC body it should be: an HTML error page from
 * a proxy, an empty or truncated JSON document, or an error body without an `error` name. Keeps
 * the real status and a short excerpt of what arrived.
 */
export class XrpcUnreadableResponseError extends XrpcError {
  override readonly name: string = 'XrpcUnreadableResponseError';

  /** The HTTP status of the response. */
  readonly status: number;

  /** The response headers. */
  readonly headers: Headers;

  /** The start of the body, whitespace collapsed, anything like a credential redacted. */
  readonly excerpt: string;

  constructor(details: XrpcUnreadableResponseErrorDetails) {
    const quoted = excerpt(details.text, EXCERPT_LENGTH);
    const retryable = isRetryableStatus(details.status);

    super(details.nsid, describe(details, quoted), { cause: details.cause, retryable });
    this.status = details.status;
    this.headers = details.headers;
    this.excerpt = quoted;
  }
}
