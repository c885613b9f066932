import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { CALLBACK_ACK, type KtpayCallback } from '../ktpay/callback.js';
import { memoryStore, type DeliveryStore } from './delivery-store.js';
import type { FieldProblem } from './fields.js';
import { parseCallback } from './parse-callback.js';
import { readBody } from './read-body.js';

export interface CallbackHandlerOptions {
  /**
   * Records the result (marks the order paid or failed), after checking it against your own order
   * (see the README's Trust section). KTPay is told `{"status":"ok"}` only once this resolves; if
   * it throws or rejects, KTPay gets a 500 and delivers the callback again later.
   */
  onResult(callback: KtpayCallback): void | Promise<void>;
  /**
   * Where results being handled and handled are recorded. Default: {@link memoryStore}, this
   * process only; `redisStore(client)` for several processes.
   */
  store?: DeliveryStore;
  /**
   * How long one process may hold a result while `onResult` runs; a process that dies meanwhile
   * lets KTPay's next retry through after it. Keep it above `onResult`'s longest run. Default 60 s.
   */
  leaseMs?: number;
  /**
   * How long a delivery waits for another process that holds the same result before answering 503
   * (KTPay then retries later). Default 5 s.
   */
  waitMs?: number;
  /** Larger bodies get 413. Default 64 KiB; KTPay's callback is well under 1 KiB. */
  maxBodyBytes?: number;
  /** Told when `onResult` or the store fails. Default: `console.error`. */
  onError?(error: unknown, callback: KtpayCallback): void;
}

/** A Node request handler, for `http.createServer(handler)` or Express's `app.post(path, handler)`. */
export type CallbackHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_WAIT_MS = 5_000;
const POLL_MS = 100;

/**
 * One result: a digest of every field the merchant acts on (merchant, order, transaction, amount,
 * status and its error). The same result delivered again has the same key; a body that differs in
 * any of these (a forged amount for a real transaction hash, say) is another result, handled on its
 * own, so it can never stand in for the genuine one.
 */
export function deliveryKey(callback: KtpayCallback): string {
  const { merchant_id, order_id, transaction_hash, amount, status } = callback;
  const fields = [merchant_id, order_id, transaction_hash, amount, status.status, status.error?.error_type ?? null, status.error?.code ?? null];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Another process held the result for longer than `waitMs`. */
class StillBusy extends Error {
  override name = 'StillBusy';
}

function answer(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

const refuse = (response: ServerResponse, status: number, problems: FieldProblem[], headers?: Record<string, string>) =>
  answer(response, status, { status: 'error', problems }, headers);

/**
 * The endpoint for KTPay's `callback_post_url`: reads and validates the callback, has `onResult`
 * handle each result exactly once (across processes, with a shared store), and answers
 * `{"status":"ok"}` only after it resolved. A repeat of a handled result is acknowledged at once;
 * a repeat arriving while the result is being handled waits for that and gets the same answer.
 * Never throws.
 */
export function createCallbackHandler(options: CallbackHandlerOptions): CallbackHandler {
  const { onResult, store = memoryStore(), leaseMs = DEFAULT_LEASE_MS, waitMs = DEFAULT_WAIT_MS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('ktpay-checkout: handling a KTPay callback failed', error));
  /** This process's deliveries being handled, by key: a repeat joins the one in progress. */
  const inFlight = new Map<string, Promise<void>>();

  async function handle(key: string, callback: KtpayCallback): Promise<void> {
    const until = Date.now() + waitMs;
    for (;;) {
      const claim = await store.claim(key, leaseMs);
      if (claim.state === 'done') return;
      if (claim.state === 'claimed') {
        try {
          await onResult(callback);
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

  async function handleOnce(callback: KtpayCallback): Promise<void> {
    const key = deliveryKey(callback);
    const running = inFlight.get(key);
    if (running) return running;
    const work = handle(key, callback);
    inFlight.set(key, work);
    try {
      await work;
    } finally {
      inFlight.delete(key);
    }
  }

  return async (request, response) => {
    if (request.method !== 'POST') {
      return refuse(response, 405, [{ field: '', message: 'KTPay callbacks are POST requests' }], { Allow: 'POST' });
    }
    const read = await readBody(request, maxBodyBytes);
    if (!read.ok) {
      if (read.reason === 'aborted') return void response.destroy();
      // Closing the connection stops the sender; the rest of the body is never read.
      return refuse(response, 413, [{ field: '', message: `is larger than ${maxBodyBytes} bytes` }], { Connection: 'close' });
    }
    const parsed = parseCallback(read.body);
    if (!parsed.ok) return refuse(response, 400, parsed.problems);
    try {
      await handleOnce(parsed.callback);
    } catch (error) {
      if (error instanceof StillBusy) return answer(response, 503, { status: 'error' }, { 'Retry-After': String(Math.ceil(leaseMs / 1000)) });
      onError(error, parsed.callback);
      return answer(response, 500, { status: 'error' });
    }
    answer(response, 200, CALLBACK_ACK);
  };
}
