// The machinery a result endpoint shares, whoever the sender (KTPay's callback, ePay's postLink):
// read the body, have the merchant's onResult handle each result exactly once through a
// DeliveryStore, and answer only after it did.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { answer, refuse, refuseMethod, refuseTooLarge } from './answer.js';
import { memoryStore, type DeliveryStore } from './delivery-store.js';
import type { FieldProblem } from './fields.js';
import { readBody } from './read-body.js';

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
  /** Never throws: a failure of the merchant's code it calls is the third kind of read. */
  read(body: unknown): DeliveryRead<T> | Promise<DeliveryRead<T>>;
  /** One result's key: the same result delivered again has the same key, any other result another. */
  key(result: T): string;
  /** The 200's body. */
  ack: object;
}

/** The options every result endpoint takes (see CallbackHandlerOptions for what each means). */
export interface DeliveryOptions<T> {
  onResult(result: T): void | Promise<void>;
  store?: DeliveryStore | undefined;
  leaseMs?: number | undefined;
  waitMs?: number | undefined;
  maxBodyBytes?: number | undefined;
  onError(error: unknown, result: T): void;
}

/** A Node request handler, for `http.createServer(handler)` or Express's `app.post(path, handler)`. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_WAIT_MS = 5_000;
const POLL_MS = 100;

/** Another process held the result for longer than `waitMs`. */
class StillBusy extends Error {
  override name = 'StillBusy';
}

/**
 * A POST endpoint that hands each result to `onResult` exactly once (across processes, with a
 * shared store) and answers `protocol.ack` only after it resolved. A repeat of a handled result is
 * acknowledged at once; a repeat arriving while the result is being handled waits for that and
 * gets the same answer; a failure releases the result so the next delivery is handled. Never throws.
 */
export function createDeliveryHandler<T>(protocol: DeliveryProtocol<T>, options: DeliveryOptions<T>): RequestHandler {
  const { onResult, onError, store = memoryStore(), leaseMs = DEFAULT_LEASE_MS, waitMs = DEFAULT_WAIT_MS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  /** This process's deliveries being handled, by key: a repeat joins the one in progress. */
  const inFlight = new Map<string, Promise<void>>();

  async function handle(key: string, result: T): Promise<void> {
    const until = Date.now() + waitMs;
    for (;;) {
      const claim = await store.claim(key, leaseMs);
      if (claim.state === 'done') return;
      if (claim.state === 'claimed') {
        try {
          await onResult(result);
        } catch (error) {
          await store.release(key, claim.lease);
          throw error;
        }
        await store.done(key, claim.lease);
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

  return async (request, response) => {
    if (request.method !== 'POST') return refuseMethod(response, protocol.what);
    const body = await readBody(request, maxBodyBytes);
    if (!body.ok) {
      if (body.reason === 'aborted') return void response.destroy();
      return refuseTooLarge(response, maxBodyBytes);
    }
    const read = await protocol.read(body.body);
    if (!read.ok) {
      if ('problems' in read) return refuse(response, read.status, read.problems);
      onError(read.error, read.result);
      return answer(response, 500, { status: 'error' });
    }
    try {
      await handleOnce(read.result);
    } catch (error) {
      if (error instanceof StillBusy) return answer(response, 503, { status: 'error' }, { 'Retry-After': String(Math.ceil(leaseMs / 1000)) });
      onError(error, read.result);
      return answer(response, 500, { status: 'error' });
    }
    answer(response, 200, protocol.ack);
  };
}
