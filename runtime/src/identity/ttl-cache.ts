/** How a {@link TtlCache} keeps values and failures. */
export interface TtlCacheOptions {
  /** Milliseconds a value is served after it arrived; 0 keeps none. */
  readonly ttl: number;
  /** Milliseconds a failure that `isLasting` accepts is served again; 0 keeps none. */
  readonly failureTtl: number;
  /** Tells failures worth remembering (a DID that does not exist) from passing ones (a timeout). */
  readonly isLasting: (error: unknown) => boolean;
  /** The clock, in milliseconds. */
  readonly now: () => number;
  /** The most keys kept; the oldest go first. */
  readonly maxEntries: number;
}

interface Entry<V> {
  readonly promise: Promise<V>;
  /** `Infinity` while the load is in flight. */
  expiresAt: number;
}

/**
 * An in-memory cache of asynchronous loads by key. A load in flight is shared by every caller of
 * its key; its value, or a lasting failure, is then served until its time to live runs out.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, Entry<V>>();

  readonly #options: TtlCacheOptions;

  constructor(options: TtlCacheOptions) {
    this.#options = options;
  }

  /** Returns the cached or in-flight result for `key`, or starts `load` when there is none. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.#entries.get(key);

    if (entry !== undefined && entry.expiresAt > this.#options.now()) return entry.promise;

    return this.#load(key, load);
  }

  /** Forgets every value and failure. */
  clear(): void {
    this.#entries.clear();
  }

  #load(key: string, load: () => Promise<V>): Promise<V> {
    const entry: Entry<V> = { promise: load(), expiresAt: Infinity };
    const { ttl, failureTtl, isLasting } = this.#options;

    this.#store(key, entry);
    void entry.promise.then(
      () => this.#settle(key, entry, ttl),
      (error: unknown) => this.#settle(key, entry, isLasting(error) ? failureTtl : 0),
    );

    return entry.promise;
  }

  #store(key: string, entry: Entry<V>): void {
    this.#entries.delete(key);

    const oldest = this.#entries.keys().next();

    if (!oldest.done && this.#entries.size >= this.#options.maxEntries) {
      this.#entries.delete(oldest.value);
    }

    this.#entries.set(key, entry);
  }

  #settle(key: string, entry: Entry<V>, ttl: number): void {
    if (this.#entries.get(key) !== entry) return;

    if (ttl > 0) {
      entry.expiresAt = this.#options.now() + ttl;
    } else {
      this.#entries.delete(key);
    }
  }
}
