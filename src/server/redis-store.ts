import { newLease, type Claim, type DeliveryStore } from './delivery-store.js';

/**
 * What `redisStore` needs of a Redis client: node-redis's `sendCommand` (v4 and later), one raw
 * command at a time. Nothing else of the client is used, so any client can be adapted to it.
 */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** Prefixes every key. Default `ktpay-checkout:delivery:`. */
  prefix?: string;
  /** How long a handled result is remembered. Default 3 days: KTPay's retries end within 2 hours. */
  keepMs?: number;
}

const DONE = 'done';
const DEFAULT_KEEP_MS = 3 * 24 * 3600 * 1000;

// Compare-and-set on the lease, in Redis, so that only the holder ends it even when its lease has
// expired and another process took the result meanwhile.
const DONE_IF_HELD = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], '${DONE}', 'PX', ARGV[2]) end return false`;
const RELEASE_IF_HELD = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return false`;

/**
 * A delivery store that every process on one Redis shares: a result is claimed with
 * `SET key lease NX PX leaseMs` before the merchant's `onResult` runs, marked done after it, and
 * released if it fails. Exactly one process handles each result; one that crashes in the middle
 * holds it only until its lease expires. Pass a connected node-redis client:
 *
 * ```js
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * createCallbackHandler({ onResult, store: redisStore(redis) });
 * ```
 */
export function redisStore(client: RedisCommands, options: RedisStoreOptions = {}): DeliveryStore {
  const { prefix = 'ktpay-checkout:delivery:', keepMs = DEFAULT_KEEP_MS } = options;
  const run = (args: (string | number)[]) => client.sendCommand(args.map(String));
  return {
    async claim(key, leaseMs): Promise<Claim> {
      const lease = newLease();
      if ((await run(['SET', prefix + key, lease, 'NX', 'PX', Math.max(1, Math.round(leaseMs))])) === 'OK') {
        return { state: 'claimed', lease };
      }
      // Taken: done, or someone's lease (gone by now, perhaps: the next delivery will claim it).
      return (await run(['GET', prefix + key])) === DONE ? { state: 'done' } : { state: 'busy' };
    },
    async done(key, lease) {
      await run(['EVAL', DONE_IF_HELD, 1, prefix + key, lease, keepMs]);
    },
    async release(key, lease) {
      await run(['EVAL', RELEASE_IF_HELD, 1, prefix + key, lease]);
    },
  };
}
