import { assertDid } from '../syntax/did.js';
import { abortable } from './abortable.js';
import { EmailIdentifierError } from './errors/email-identifier-error.js';
import { HandleNotInDocumentError } from './errors/handle-not-in-document-error.js';
import { IdentityError } from './errors/identity-error.js';
import { resolveDid } from './resolve-did.js';
import { resolveHandle } from './resolve-handle.js';
import { assertResolvableHandle } from './resolvable-handle.js';
import { TtlCache } from './ttl-cache.js';

import type { Did } from '../syntax/did.js';
import type { Handle } from '../syntax/handle.js';
import type { DidDocument } from './did-document.js';
import type { DidResolution, ResolveDidOptions } from './resolve-did.js';
import type { ResolveHandleOptions } from './resolve-handle.js';

/** How an {@link IdentityResolver} looks identities up and how long it remembers them. */
export interface IdentityResolverOptions
  extends Omit<ResolveHandleOptions, 'signal'>, Omit<ResolveDidOptions, 'signal'> {
  /**
   * Milliseconds a resolved handle or DID document is reused; 0 to look up every time.
   * @default 600000 (10 minutes)
   */
  readonly cacheTtl?: number | undefined;
  /**
   * Milliseconds a lasting failure (a handle or DID that does not exist, a conflict, an unusable
   * document) is reported again without a lookup; 0 to look up every time. Timeouts, network
   * failures and 5xx answers are never remembered.
   * @default 60000 (1 minute)
   */
  readonly negativeCacheTtl?: number | undefined;
  /**
   * The most handles, and the most DIDs, remembered at once; the oldest are forgotten first.
   * @default 1000
   */
  readonly cacheSize?: number | undefined;
  /**
   * The clock the cache reads, in milliseconds. Must not throw.
   * @default Date.now
   */
  readonly now?: (() => number) | undefined;
}

/** Options of one resolver call. */
export interface ResolveCallOptions {
  /** Stops waiting; the call rejects with the signal's reason while a shared lookup goes on. */
  readonly signal?: AbortSignal | undefined;
}

/** An account's identity: its DID, the PDS that hosts it, and its handle if it claims one. */
export interface ResolvedIdentity {
  readonly did: Did;
  /** The handle the DID document claims, in lower case. */
  readonly handle?: Handle;
  /** Whether the handle resolves back to the DID; false when there is no handle. */
  readonly handleVerified: boolean;
  /** The origin of the account's PDS. */
  readonly pds: URL;
  readonly document: DidDocument;
}

const DEFAULT_CACHE_TTL = 10 * 60 * 1000;
const DEFAULT_NEGATIVE_CACHE_TTL = 60 * 1000;
const DEFAULT_CACHE_SIZE = 1000;

// @NOTE: loose on purpose: any `local@domain.tld` is treated as an email, never as a handle.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isLasting(error: unknown): boolean {
  return error instanceof IdentityError && !error.retryable;
}

function createCache<V>(options: IdentityResolverOptions): TtlCache<V> {
  return new TtlCache<V>({
    ttl: options.cacheTtl ?? DEFAULT_CACHE_TTL,
    failureTtl: options.negativeCacheTtl ?? DEFAULT_NEGATIVE_CACHE_TTL,
    isLasting,
    now: options.now ?? Date.now,
    maxEntries: options.cacheSize ?? DEFAULT_CACHE_SIZE,
  });
}

// @NOTE: a URL is mutable, and the cached resolution is shared: every caller gets its own copy.
function copyOf(resolution: DidResolution): DidResolution {
  return { ...resolution, pds: new URL(resolution.pds) };
}

function identityOf(resolution: DidResolution, handleVerified: boolean): ResolvedIdentity {
  return { ...resolution, handleVerified };
}

/**
 * Resolves handles and DIDs to verified identities, remembering answers for a while. A handle is
 * verified both ways: it resolves to a DID whose document claims it back.
 *
 * @example
 * ```ts
 * const resolver = new IdentityResolver();
 * const { did, pds } = await resolver.resolve('alice.example.com');
 * ```
 */
export class IdentityResolver {
  readonly #options: IdentityResolverOptions;

  readonly #handles: TtlCache<Did>;

  readonly #dids: TtlCache<DidResolution>;

  constructor(options: IdentityResolverOptions = {}) {
    this.#options = { ...options };
    this.#handles = createCache(options);
    this.#dids = createCache(options);
  }

  /**
   * Resolves a handle or a DID to the account's identity. For a handle, the DID document must
   * claim the handle back. For a DID, the handle its document claims is resolved in turn, and
   * `handleVerified` says whether it leads back to the DID; a handle that does not is no error.
   *
   * @throws EmailIdentifierError when `identifier` is an email address
   * @throws StringFormatError when it is neither a handle nor a DID
   * @throws HandleNotInDocumentError when a handle's DID document does not claim it
   * @throws IdentityError subclasses of {@link resolveHandle} and {@link resolveDid}
   */
  async resolve(identifier: string, options: ResolveCallOptions = {}): Promise<ResolvedIdentity> {
    if (identifier.startsWith('did:')) return this.#fromDid(identifier, options);

    if (EMAIL_PATTERN.test(identifier)) throw new EmailIdentifierError(identifier);

    return this.#fromHandle(identifier, options);
  }

  /**
   * Resolves a handle to a DID, as {@link resolveHandle} does, reusing earlier answers. The DID
   * is not verified against its document.
   *
   * @throws StringFormatError, HandleResolutionError or HandleConflictError
   */
  async resolveHandle(handle: string, options: ResolveCallOptions = {}): Promise<Did> {
    const normalized = assertResolvableHandle(handle, this.#options.allowTestTld ?? false);
    const lookup = this.#handles.get(normalized, () => resolveHandle(normalized, this.#options));

    return abortable(lookup, options.signal);
  }

  /**
   * Resolves a DID to its checked document, as {@link resolveDid} does, reusing earlier answers.
   *
   * @throws StringFormatError or an `IdentityError` subclass, as {@link resolveDid} does
   */
  async resolveDid(did: string, options: ResolveCallOptions = {}): Promise<DidResolution> {
    assertDid(did);

    const lookup = this.#dids.get(did, () => resolveDid(did, this.#options));

    return copyOf(await abortable(lookup, options.signal));
  }

  /** Forgets every remembered handle, DID document and failure. */
  clearCache(): void {
    this.#handles.clear();
    this.#dids.clear();
  }

  async #fromHandle(input: string, options: ResolveCallOptions): Promise<ResolvedIdentity> {
    const handle = assertResolvableHandle(input, this.#options.allowTestTld ?? false);
    const did = await this.resolveHandle(handle, options);
    const resolution = await this.resolveDid(did, options);

    if (resolution.handle !== handle) {
      throw new HandleNotInDocumentError(handle, did, resolution.handle);
    }

    return identityOf(resolution, true);
  }

  async #fromDid(did: string, options: ResolveCallOptions): Promise<ResolvedIdentity> {
    const resolution = await this.resolveDid(did, options);
    const { handle } = resolution;
    const verified =
      handle !== undefined && (await this.#verifies(handle, resolution.did, options));

    return identityOf(resolution, verified);
  }

  async #verifies(handle: Handle, did: Did, options: ResolveCallOptions): Promise<boolean> {
    try {
      return (await this.resolveHandle(handle, options)) === did;
    } catch (error) {
      if (error instanceof IdentityError) return false;

      throw error;
    }
  }
}
