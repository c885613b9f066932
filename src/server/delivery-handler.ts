// The machinery a result endpoint shares, whoever the sender (KTPay's callback, ePay's postLink):
// read the body, have the merchant's onResult handle each result through a DeliveryStore (once,
// or at least once where the store cannot record it), and answer only after it did.
import { deadline } from '../util/deadline.js';
import { failure, refusal, retryLater, type Reply } from './answer.js';
import { memoryStore, type Claim, type DeliveryStore } from './delivery-store.js';
import { createEndpoint, type Post, type RequestHandler } from './endpoint.js';
import type { FieldProblem } from './fields.js';

/** What reading one delivery's body gave. */
export type DeliveryRead<T> =
  | { ok: true; result: T }
  /** Not a result to handle: answered with `status` and the problems; onResult never sees it. */
  | { ok: false; status: number; problems: FieldProblem[] }
  /** Reading needed the merchant's code, and it failed: 500, onError told, nothing claimed. */
  | { ok: false; error: unknown; result: T };

/** How one sender's deliveries are read, told apart and acknowledged. */
export interface DeliveryProtocol<T> {
  /** Named in the 405's message: "<what> are POST requests". */
  what: string;
  /**
   * Never throws: a failure of the merchant's code it calls is the third kind of read. `query` is
   * the request URL's query, where a sender's token travels.
   */
  read(body: unknown, query: URLSearchParams): DeliveryRead<T> | Promise<DeliveryRead<T>>;
  /** One result's key: the same result delivered again has the same key, any other result another. */
  key(result: T): string;
  /** The 200's body. */
  ack: object;
  /** The answer to an error of `onResult` that is not a plain failure (500); undefined for a 500. */
  answerFor?(error: unknown): Reply | undefined;
}

/** The options every result endpoint takes (see CallbackHandlerOptions for what each means). */
export interface DeliveryOptions<T> {
  onResult(result: T): void | Promise<void>;
  store?: DeliveryStore | undefined;
  leaseMs?: number | undefined;
  waitMs?: number | undefined;
  maxBodyBytes?: number | undefined;
  storeTimeoutMs?: number | undefined;
  onError(error: unknown, result: T): void;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_WAIT_MS = 5_000;
/** Long enough for a store across a network; short enough that no sender gives up waiting first. */
const DEFAULT_STORE_TIMEOUT_MS = 3_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/** Another process held the result for longer than `waitMs`. */
class StillBusy extends Error {
  override name = 'StillBusy';
}

/** The store did not answer within `storeTimeoutMs`, or failed: whether the result is handled is unknown. */
class StoreUnavailable extends Error {
  override name = 'StoreUnavailable';
}

/**
 * A POST endpoint that hands each result to `onResult` once (across processes, with a shared
 * store) and answers `protocol.ack` only after it resolved. A repeat of a handled result is
 * acknowledged at once; a repeat arriving while the result is being handled waits for that and
 * gets the same answer; a failure releases the result so the next delivery is handled. Every store
 * call has a deadline: a store that hangs or fails gets the sender a 503 with Retry-After, never a
 * request that hangs. Never throws.
 */
export function createDeliveryHandler<T>(protocol: DeliveryProtocol<T>, options: DeliveryOptions<T>): RequestHandler {
  const {
    onResult,
    onError,
    store = memoryStore(),
    leaseMs = DEFAULT_LEASE_MS,
    waitMs = DEFAULT_WAIT_MS,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    storeTimeoutMs = DEFAULT_STORE_TIMEOUT_MS,
  } = options;
  /** This process's deliveries being handled, by key: a repeat joins the one in progress. */
  const inFlight = new Map<string, Promise<void>>();

  /** One store call, within `storeTimeoutMs`; any failure of it is a StoreUnavailable. */
  async function ask<R>(call: Promise<R>, what: string): Promise<R> {
    try {
      return await deadline(call, storeTimeoutMs, () => new StoreUnavailable(`the delivery store did not ${what} within ${storeTimeoutMs} ms`));
    } catch (error) {
      throw error instanceof StoreUnavailable ? error : new StoreUnavailable(`the delivery store could not ${what}`, { cause: error });
    }
  }

  async function claim(key: string): Promise<Claim> {
    const claiming = Promise.resolve().then(() => store.claim(key, leaseMs));
    try {
      return await ask(claiming, 'claim a result');
    } catch (error) {
      // A claim that lands after its deadline holds the result for a request already answered:
      // give it back, so the sender's next delivery is handled rather than held for the lease.
      claiming.then((late) => (late.state === 'claimed' ? store.release(key, late.lease) : undefined)).catch(() => {});
      throw error;
    }
  }

  async function handle(key: string, result: T): Promise<void> {
    const until = Date.now() + waitMs;
    for (;;) {
      const claimed = await claim(key);
      if (claimed.state === 'done') return;
      if (claimed.state === 'claimed') {
        try {
          await onResult(result);
        } catch (error) {
          // The failure is what the sender hears; a release that fails only leaves the lease to expire.
          await ask(Promise.resolve().then(() => store.release(key, claimed.lease)), 'release a result').catch((storeError) => onError(storeError, result));
          throw error;
        }
        // If this fails, the sender hears 503 and delivers again: onResult may then run once more.
        await ask(Promise.resolve().then(() => store.done(key, claimed.lease)), 'record a result as done');
        return;
      }
      if (Date.now() >= until) throw new StillBusy(`another process is handling ${key}`);
      await sleep(POLL_MS);
    }
  }

  async function handleOnce(result: T): Promise<void> {
    const key = protocol.key(result);
    const running = inFlight.get(key);
    if (running) return running;
    const work = handle(key, result);
    inFlight.set(key, work);
    try {
      await work;
    } finally {
      inFlight.delete(key);
    }
  }

  /** A delivery's answer, from its body and query, whichever server form received it. */
  async function deliver({ body, query }: Post): Promise<Reply> {
    const read = await protocol.read(body, query);
    if (!read.ok) {
      if ('problems' in read) return refusal(read.status, read.problems);
      onError(read.error, read.result);
      return failure(500);
    }
    try {
      await handleOnce(read.result);
    } catch (error) {
      if (error instanceof StillBusy) return retryLater(leaseMs / 1000);
      onError(error, read.result);
      if (error instanceof StoreUnavailable) return retryLater();
      return protocol.answerFor?.(error) ?? failure(500);
    }
    return { status: 200, body: protocol.ack };
  }

  return createEndpoint({ what: protocol.what, maxBodyBytes }, deliver);
}
