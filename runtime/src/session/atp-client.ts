import { XrpcClient } from '../xrpc/xrpc-client.js';
import { DEFAULT_PUBLIC_APPVIEW } from './atp-client-options.js';
import { copySessionData } from './atp-session-data.js';
import { EntrywayClient } from './entryway-client.js';
import { NotAuthenticatedError } from './not-authenticated-error.js';
import { SessionManager } from './session-manager.js';
import { SESSION_METHODS } from './session-requests.js';
import { DEFAULT_EXPIRY_MARGIN } from './token-expiry.js';

import type { XrpcResponseError } from '../errors/xrpc-response-error.js';
import type { IdentityResolver, ResolvedIdentity } from '../identity/identity-resolver.js';
import type { Replay } from '../xrpc/xrpc-client.js';
import type { XrpcResponse } from '../xrpc/xrpc-response.js';
import type { AtpClientOptions } from './atp-client-options.js';
import type { AtpSessionData } from './atp-session-data.js';

/** Per-call options of {@link AtpClient.authenticate}. */
export interface AuthenticateOptions {
  /** The code the server sent by email when it answered `AuthFactorTokenRequired`. */
  readonly authFactorToken?: string | undefined;
  /**
   * Whether a taken-down account still gets a session (narrowly scoped, `status: 'takendown'`)
   * instead of an `AccountTakedown` refusal; kept for logging in again later.
   * @default false
   */
  readonly allowTakendown?: boolean | undefined;
}

const NO_SERVICE =
  'Cannot find the PDS without a service: give the client a service or an identityResolver';

function isAuthRejection(error: XrpcResponseError): boolean {
  if (SESSION_METHODS.has(error.nsid)) return false;

  return error.error === 'ExpiredToken' || error.status === 401;
}

/**
 * An {@link XrpcClient} with an account session: it logs in, sends the access token with every
 * call, renews it before it expires or when the server refuses it (one renewal shared by all
 * concurrent calls, the refused call replayed once), and sends calls to the PDS named in the
 * account's DID document. The session methods themselves go to the configured service; without
 * one, `authenticate` first resolves the handle or DID to the account's PDS with the
 * `identityResolver` (an email address then needs a service). The generated `Client` brings a
 * default resolver (`withIdentityResolver`); `AtpClient` alone does not, so that programs
 * with a service stay small.
 *
 * Besides the errors of {@link XrpcClient.call}, a call may fail with what renewing the session
 * failed with: the `refreshSession` error or transport error when the server or the network
 * failed (the session is kept), `AuthenticationError` when the server ended the session and the
 * credentials could not log in again, `SessionDidMismatchError` when a refresh answered for
 * another account.
 *
 * Tokens and the password live in private fields: they never show in `util.inspect` or in
 * errors. The session, tokens included, is handed out only by `authenticated()`, `authenticate`
 * and the `onSessionChange` handler, whose purpose is to save it.
 *
 * @example
 * const client = new AtpClient({ service: 'https://bsky.social', store: new FileStore(path) });
 * await client.authenticate('alice.bsky.social', appPassword);
 * const { data } = await client.call(getSession.method);
 */
export class AtpClient extends XrpcClient {
  readonly #manager: SessionManager;
  readonly #entryway: EntrywayClient;
  readonly #locates: boolean;
  readonly #resolver: IdentityResolver | undefined;
  #identity: ResolvedIdentity | undefined;

  /**
   * @throws {TypeError} when `service` is not a URL or `proxy` is not `did:...#service_id`
   */
  constructor(options: AtpClientOptions = {}) {
    const service = options.service ?? options.publicAppView ?? DEFAULT_PUBLIC_APPVIEW;

    super({ ...options, service });
    this.#entryway = new EntrywayClient({
      ...options,
      service,
      proxy: undefined,
      labelers: undefined,
    });
    this.#locates = options.service === undefined;
    this.#resolver = options.identityResolver;
    this.#manager = new SessionManager({
      entryway: this.#entryway,
      expiryMargin: options.expiryMargin ?? DEFAULT_EXPIRY_MARGIN,
      store: options.store,
      onSessionChange: options.onSessionChange,
    });
  }

  /**
   * The PDS named in the session's DID document (its `#atproto_pds` service), else the configured
   * service.
   */
  override get service(): URL {
    const pds = this.#manager.state.pds ?? this.#identity?.pds;

    return pds === undefined ? super.service : new URL(pds);
  }

  /**
   * The account `authenticate` resolved when no service is configured: its DID, its handle and
   * whether the handle was verified both ways, and its PDS; `undefined` otherwise.
   */
  get identity(): ResolvedIdentity | undefined {
    return this.#identity;
  }

  /**
   * Gets a session, trying in turn:
   * 1. the saved session's access token, used as it is (no request) when it is a JWT for the
   *    session's DID that does not expire within `expiryMargin`;
   * 2. its refresh token, unless expired: one `refreshSession`;
   * 3. the credentials: one `createSession`.
   *
   * The saved session is `savedSession`, else the store's; a malformed one is ignored. Any current
   * session is replaced without being logged out. The password is kept, in a private field, to
   * log in again if the server ends the session later; `logout` forgets it.
   *
   * @param identifier - the handle, DID or email address to log in with
   * @param password - preferably an app password; `undefined` to only resume a saved session
   * @param savedSession - a session from {@link AtpClient.authenticated}, or a raw `createSession`
   * output, e.g. parsed from JSON
   * @returns a copy of the session
   * @throws {AuthFactorTokenRequiredError} when the server wants the code it sent by email: call
   * again with it as `authFactorToken`
   * @throws {AuthenticationError} when no step gave a session; `attempts` says why, step by step
   * @throws {IdentityError} when no service is configured and the account cannot be resolved to
   * its PDS (`EmailIdentifierError` for an email address)
   * @throws {TypeError} when neither a service nor an identity resolver is configured, even to
   * resume a saved session: without either, the client does not know where to renew it
   * @throws {Error} what the store's `save` throws
   * @example
   * const saved = await readSavedSession();
   * await client.authenticate(handle, appPassword, saved);
   */
  async authenticate(
    identifier: string,
    password: string | undefined,
    savedSession?: AtpSessionData,
    options: AuthenticateOptions = {},
  ): Promise<AtpSessionData> {
    const { authFactorToken, allowTakendown } = options;
    const credentials =
      password === undefined
        ? undefined
        : { identifier, password, authFactorToken, allowTakendown };
    const saved = { value: savedSession, given: savedSession !== undefined };

    if (this.#locates) await this.#locate(identifier);

    return copySessionData(await this.#manager.authenticate(credentials, saved));
  }

  /** Resolves the account to its PDS and sends the session methods there. */
  async #locate(identifier: string): Promise<void> {
    if (this.#resolver === undefined) {
      throw new TypeError(NO_SERVICE);
    }

    const identity = await this.#resolver.resolve(identifier);

    this.#identity = identity;
    this.#entryway.pointAt(identity.pds);
  }

  /**
   * Returns the current session, to save it: a fresh plain object that round-trips through JSON
   * into `authenticate`.
   *
   * @throws {NotAuthenticatedError} when there is no session
   */
  authenticated(): AtpSessionData {
    const session = this.#manager.state.current;

    if (session === undefined) throw new NotAuthenticatedError();

    return copySessionData(session);
  }

  /**
   * Revokes the session on the server (`deleteSession` with the refresh token), clears the store,
   * fires `logout` and forgets the password. A refusal by the server (the token was already
   * revoked or expired) is ignored; does nothing when there is no session.
   *
   * @throws {XrpcTransportError} when the server could not be reached; the session is kept, so
   * that logging out can be tried again
   */
  async logout(): Promise<void> {
    await this.#manager.logout();
  }

  /** Adds the access token, renewed first if it expires soon, unless the call sets its own. */
  protected override async prepareHeaders(headers: Headers): Promise<void> {
    if (headers.has('authorization')) return;

    const token = await this.#manager.accessToken();

    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  }

  /**
   * Renews the session once and replays the call when the server refused its access token
   * (`ExpiredToken`, or any 401); the replay's own error goes to the caller.
   */
  protected override async handleResponseError<O>(
    error: XrpcResponseError,
    replay: Replay<O> | undefined,
  ): Promise<XrpcResponse<O>> {
    if (replay === undefined || !isAuthRejection(error)) throw error;

    if (!(await this.#manager.recover())) throw error;

    return replay();
  }
}
