/**
 * Remembers which deliveries were handled, so a repeat is acknowledged without handling it again.
 * A `Set<string>` is one. For several processes or restarts, back it with shared storage (Redis,
 * a table with a unique key); `add` is called only after the merchant's `onResult` resolved.
 */
export interface DeliveryStore {
  has(key: string): boolean | Promise<boolean>;
  add(key: string): unknown;
}

/**
 * The default store: this process's memory, the most recent `max` keys. KTPay's retries end within
 * two hours of the first attempt, so only recent deliveries can repeat. Forgotten on restart.
 */
export function memoryStore({ max = 10_000 }: { max?: number } = {}): DeliveryStore {
  const keys = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add(key) {
      keys.add(key);
      // A Set iterates in insertion order: the first key is the oldest.
      if (keys.size > max) keys.delete(keys.values().next().value!);
    },
  };
}
