import { XrpcResponseError } from '../errors/xrpc-response-error.js';
import * as createSession from '../lexicons/com/atproto/server/createSession.js';
import { parseSessionData } from './atp-session-data.js';
import { AuthFactorTokenRequiredError } from './auth-factor-token-required-error.js';
import { AuthenticationError } from './authentication-error.js';
import { describeFailure, isRejectedForGood } from './failure-reason.js';
import { decodeJwtPayload } from './jwt-payload.js';
import { SessionRefresher } from './session-refresher.js';
import { requestCreate, requestDelete } from './session-requests.js';
import { SessionState } from './session-state.js';
import { isExpiring } from './token-expiry.js';

import type { XrpcClient } from '../xrpc/xrpc-client.js';
import type { AtpSessionData } from './atp-session-data.js';
import type { AuthenticationAttempt } from './authentication-error.js';
import type { Credentials } from './session-requests.js';
import type { SessionStateOptions } from './session-state.js';

/** What a {@link SessionManager} needs besides its state's store and change handler. */
export interface SessionManagerOptions extends SessionStateOptions {
  /** The client the session methods go through: the configured service, no session of its own. */
  readonly entryway: XrpcClient;
  /** Milliseconds before `exp` at which an access token counts as expired. */
  readonly expiryMargin: number;
}

/** A saved session offered to `authenticate`, and whether it came from the caller. */
interface Candidate {
  readonly value: unknown;
  readonly given: boolean;
}

/**
 * Tokens issued this recently are not renewed again when a request is refused: the request most
 * likely left with the tokens they replaced, so it is replayed with the new ones instead.
 */
const RECENT_RENEWAL = 5_000;

/**
 * Runs the session chain for an `AtpClient`: authentication (saved access token, refresh token,
 * credentials), one shared refresh at a time, adoption of tokens another client saved, credential
 * fallback when the server ends the session, and logout.
 */
export class SessionManager {
  readonly #state: SessionState;
  readonly #refresher: SessionRefresher;
  readonly #entryway: XrpcClient;
  readonly #margin: number;
  #credentials: Credentials | undefined;
  #renewal: Promise<AtpSessionData> | undefined;

  constructor(options: SessionManagerOptions) {
    this.#state = new SessionState(options);
    this.#refresher = new SessionRefresher(this.#state, options.entryway, options.expiryMargin);
    this.#entryway = options.entryway;
    this.#margin = options.expiryMargin;
  }

  /** The state: the session in use and its PDS. */
  get state(): SessionState {
    return this.#state;
  }

  /** Runs the chain; see `AtpClient.authenticate`. */
  async authenticate(
    credentials: Credentials | undefined,
    saved: Candidate,
  ): Promise<AtpSessionData> {
    const attempts: AuthenticationAttempt[] = [];

    await this.#renewal?.catch(() => undefined);
    this.#state.reset();
    this.#credentials = undefined;

    const session =
      (await this.#resume(saved, attempts)) ?? (await this.#login(credentials, attempts));

    this.#credentials = credentials && { ...credentials, authFactorToken: undefined };

    return session;
  }

  /**
   * The access token to send, renewed first when it expires within the margin.
   *
   * @returns `undefined` when there is no session
   * @throws what the renewal failed with, unless the current token is still valid
   */
  async accessToken(): Promise<string | undefined> {
    const session = this.#state.current;

    if (session === undefined || !isExpiring(session.accessJwt, this.#margin)) {
      return session?.accessJwt;
    }

    try {
      return (await this.#renew()).accessJwt;
    } catch (error) {
      if (this.#state.current === session && !isExpiring(session.accessJwt, 0)) {
        return session.accessJwt;
      }

      throw error;
    }
  }

  /**
   * Gets new tokens after the server refused the access token, unless a renewal is under way or
   * just happened (see {@link RECENT_RENEWAL}).
   *
   * @returns whether there is a session to replay the request with
   */
  async recover(): Promise<boolean> {
    if (this.#state.current === undefined) return false;

    if (this.#renewal !== undefined) {
      await this.#renewal;
    } else if (performance.now() - this.#state.renewedAt >= RECENT_RENEWAL) {
      await this.#renew();
    }

    return true;
  }

  /** Revokes the session on the server and ends it; see `AtpClient.logout`. */
  async logout(): Promise<void> {
    await this.#renewal?.catch(() => undefined);

    const session = this.#state.current;

    if (session !== undefined) {
      await requestDelete(this.#entryway, session.refreshJwt).catch((error: unknown) => {
        if (!(error instanceof XrpcResponseError)) throw error;
      });
      await this.#state.end('logout', session);
    }

    this.#credentials = undefined;
  }

  async #resume(
    saved: Candidate,
    attempts: AuthenticationAttempt[],
  ): Promise<AtpSessionData | undefined> {
    const session = await this.#candidate(saved, attempts);

    if (session === undefined) return undefined;

    const accessProblem = this.#accessProblem(session);

    if (accessProblem === undefined) {
      await this.#state.resume(session, saved.given);

      return session;
    }

    attempts.push({ step: 'access', reason: accessProblem });

    return this.#resumeByRefresh(session, attempts);
  }

  async #candidate(
    saved: Candidate,
    attempts: AuthenticationAttempt[],
  ): Promise<AtpSessionData | undefined> {
    let value: unknown;

    try {
      value = saved.given ? saved.value : await this.#state.load();
    } catch (error) {
      return skipResume(attempts, `saved session unreadable: ${describeFailure(error)}`);
    }

    const session = parseSessionData(value);

    if (session !== undefined) return session;

    return skipResume(
      attempts,
      value === undefined ? 'no saved session' : 'saved session malformed',
    );
  }

  #accessProblem(session: AtpSessionData): string | undefined {
    const payload = decodeJwtPayload(session.accessJwt);

    if (payload?.exp === undefined) return 'access token malformed';
    if (payload.sub !== session.did) return 'access token subject is not the session DID';

    return isExpiring(session.accessJwt, this.#margin) ? 'access token expired' : undefined;
  }

  async #resumeByRefresh(
    session: AtpSessionData,
    attempts: AuthenticationAttempt[],
  ): Promise<AtpSessionData | undefined> {
    if (isExpiring(session.refreshJwt, 0)) {
      attempts.push({ step: 'refresh', reason: 'refresh token expired' });

      return undefined;
    }

    await this.#state.resume(session, false);

    return this.#refresher.refresh().catch((error: unknown) => {
      attempts.push({ step: 'refresh', reason: describeFailure(error), error: toError(error) });
      this.#state.reset();

      return undefined;
    });
  }

  async #login(
    credentials: Credentials | undefined,
    attempts: AuthenticationAttempt[],
  ): Promise<AtpSessionData> {
    if (credentials === undefined) {
      attempts.push({ step: 'credentials', reason: 'no password given' });

      throw new AuthenticationError(attempts);
    }

    const session = await requestCreate(this.#entryway, credentials).catch((error: unknown) => {
      attempts.push({ step: 'credentials', reason: describeFailure(error), error: toError(error) });

      throw error instanceof createSession.AuthFactorTokenRequiredError
        ? new AuthFactorTokenRequiredError(attempts)
        : new AuthenticationError(attempts);
    });

    await this.#state.commit('create', session);

    return session;
  }

  /** One renewal at a time, shared by every caller that needs it meanwhile. */
  #renew(): Promise<AtpSessionData> {
    this.#renewal ??= this.#renewOrLogin().finally(() => {
      this.#renewal = undefined;
    });

    return this.#renewal;
  }

  async #renewOrLogin(): Promise<AtpSessionData> {
    try {
      return await this.#refresher.refresh();
    } catch (error) {
      if (!isRejectedForGood(error)) throw error;

      const refused = { step: 'refresh', reason: describeFailure(error), error } as const;

      return this.#login(this.#credentials, [refused]);
    }
  }
}

function toError(error: unknown): Error | undefined {
  return error instanceof Error ? error : undefined;
}

function skipResume(attempts: AuthenticationAttempt[], reason: string): undefined {
  attempts.push({ step: 'access', reason }, { step: 'refresh', reason });

  return undefined;
}
