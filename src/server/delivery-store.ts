/** What claiming a delivery gives the handler. */
export type Claim =
  /** This process handles the result now, holding `lease` until `done` or `release` (or until it expires). */
  | { state: 'claimed'; lease: string }
  /** Handled before: acknowledge it. */
  | { state: 'done' }
  /** Another process is handling it right now. */
  | { state: 'busy' };

/**
 * Where the callback handler records which results are being handled and which are done, so that
 * exactly one process handles each result, however many processes take KTPay's deliveries and
 * however often KTPay repeats one.
 *
 * - `claim` takes a result for `leaseMs`, unless it is done or another holder's lease runs; a
 *   holder that crashed loses its lease when it expires, and KTPay's next retry gets through.
 * - `done` (after the merchant's `onResult` resolved) remembers the result as handled.
 * - `release` (after `onResult` failed) lets the next delivery try again at once.
 * `done` and `release` act only for the lease's holder. {@link memoryStore} is one process's;
 * `redisStore` (redis-store.ts) is shared by every process on one Redis.
 */
export interface DeliveryStore {
  claim(key: string, leaseMs: number): Claim | Promise<Claim>;
  done(key: string, lease: string): unknown;
  release(key: string, lease: string): unknown;
}

/** A unique lease, so only its holder can end it. */
export const newLease = () => crypto.randomUUID();

/**
 * The default store: this process's memory, the most recent `max` results. KTPay's retries end
 * within two hours of the first attempt, so only recent deliveries can repeat. Forgotten on
 * restart, and not shared: for several processes, use `redisStore`.
 */
export function memoryStore({ max = 10_000 }: { max?: number } = {}): DeliveryStore {
  /** A result's state: the lease holding it and until when, or done. In insertion order. */
  const entries = new Map<string, { lease: string; until: number } | 'done'>();
  const holds = (key: string, lease: string) => {
    const entry = entries.get(key);
    return entry !== undefined && entry !== 'done' && entry.lease === lease;
  };
  return {
    claim(key, leaseMs) {
      const entry = entries.get(key);
      if (entry === 'done') return { state: 'done' };
      if (entry && entry.until > Date.now()) return { state: 'busy' };
      const lease = newLease();
      entries.delete(key); // re-inserted as the newest
      entries.set(key, { lease, until: Date.now() + leaseMs });
      // A Map iterates in insertion order: the first key is the oldest.
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return { state: 'claimed', lease };
    },
    done(key, lease) {
      if (holds(key, lease)) entries.set(key, 'done');
    },
    release(key, lease) {
      if (holds(key, lease)) entries.delete(key);
    },
  };
}
