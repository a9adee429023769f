import { parseSessionData } from './atp-session-data.js';
import { isRejectedForGood } from './failure-reason.js';
import { SessionDidMismatchError } from './session-did-mismatch-error.js';
import { requestRefresh } from './session-requests.js';
import { isExpiring, tokenExpiry } from './token-expiry.js';

import type { XrpcClient } from '../xrpc/xrpc-client.js';
import type { AtpSessionData } from './atp-session-data.js';
import type { SessionState } from './session-state.js';

// Fields an older server may leave out of a refresh answer; the previous values stay valid.
const KEPT_ON_REFRESH = ['didDoc', 'email', 'emailConfirmed', 'emailAuthFactor'] as const;

function mergeRefreshed(previous: AtpSessionData, answer: AtpSessionData): AtpSessionData {
  const merged = { ...answer };

  for (const key of KEPT_ON_REFRESH) {
    if (merged[key] === undefined && previous[key] !== undefined) {
      Object.assign(merged, { [key]: previous[key] });
    }
  }

  return merged;
}

function isNewer(candidate: AtpSessionData, current: AtpSessionData): boolean {
  const candidateExpiry = tokenExpiry(candidate.accessJwt) ?? Number.NEGATIVE_INFINITY;

  return candidateExpiry >= (tokenExpiry(current.accessJwt) ?? Number.NEGATIVE_INFINITY);
}

/**
 * Renews the tokens of a {@link SessionState} under its store's lock: adopts the tokens another
 * client already saved for the same account, else trades the refresh token for new ones.
 */
export class SessionRefresher {
  readonly #state: SessionState;
  readonly #entryway: XrpcClient;
  readonly #margin: number;

  /**
   * @param entryway - the client `refreshSession` goes through
   * @param margin - milliseconds before `exp` at which an access token counts as expired
   */
  constructor(state: SessionState, entryway: XrpcClient, margin: number) {
    this.#state = state;
    this.#entryway = entryway;
    this.#margin = margin;
  }

  /**
   * Renews the current session. A refusal for good ends it (`expired`); any other failure keeps it
   * (`network-error`).
   *
   * @throws {SessionDidMismatchError} when the server answers for another account
   * @throws {XrpcError} what `refreshSession` failed with
   */
  async refresh(): Promise<AtpSessionData> {
    return this.#state.locked(() => this.#refreshLocked());
  }

  async #refreshLocked(): Promise<AtpSessionData> {
    const adopted = await this.#adoptStored();

    if (adopted !== undefined && !isExpiring(adopted.accessJwt, this.#margin)) return adopted;

    const session = this.#requireSession();
    const answer = await requestRefresh(this.#entryway, session.refreshJwt).catch(
      (error: unknown) => this.#refreshFailed(session, error),
    );

    if (answer.did !== session.did) throw new SessionDidMismatchError(session.did, answer.did);

    const renewed = mergeRefreshed(session, answer);

    await this.#state.commit('update', renewed);

    return renewed;
  }

  /** Adopts the stored session when it holds newer tokens of the same account. */
  async #adoptStored(): Promise<AtpSessionData | undefined> {
    const current = this.#requireSession();
    const stored = parseSessionData(await this.#state.load());

    if (stored?.did !== current.did || stored.refreshJwt === current.refreshJwt) return undefined;
    if (!isNewer(stored, current)) return undefined;

    await this.#state.adopt(stored);

    return stored;
  }

  async #refreshFailed(session: AtpSessionData, error: unknown): Promise<never> {
    if (isRejectedForGood(error)) {
      await this.#state.end('expired', session);
    } else {
      await this.#state.emit('network-error', session);
    }

    throw error;
  }

  #requireSession(): AtpSessionData {
    const session = this.#state.current;

    if (session === undefined) throw new Error('Session refresh: no session to refresh');

    return session;
  }
}
