import type { IncomingMessage, ServerResponse } from 'node:http';
import { CALLBACK_ACK, type KtpayCallback } from '../ktpay/callback.js';
import { memoryStore, type DeliveryStore } from './delivery-store.js';
import type { FieldProblem } from './fields.js';
import { parseCallback } from './parse-callback.js';
import { readBody } from './read-body.js';

export interface CallbackHandlerOptions {
  /**
   * Records the result (marks the order paid or failed). KTPay is told `{"status":"ok"}` only once
   * this resolves; if it throws or rejects, KTPay gets a 500 and delivers the callback again later.
   */
  onResult(callback: KtpayCallback): void | Promise<void>;
  /** Where handled deliveries are remembered. Default: {@link memoryStore}, per process. */
  store?: DeliveryStore;
  /** Larger bodies get 413. Default 64 KiB; KTPay's callback is well under 1 KiB. */
  maxBodyBytes?: number;
  /** Told when `onResult` or the store fails. Default: `console.error`. */
  onError?(error: unknown, callback: KtpayCallback): void;
}

/** A Node request handler, for `http.createServer(handler)` or Express's `app.post(path, handler)`. */
export type CallbackHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** The same result delivered again: same transaction, same status. */
export const deliveryKey = (callback: KtpayCallback) => `${callback.transaction_hash}:${callback.status.status}`;

function answer(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

const refuse = (response: ServerResponse, status: number, problems: FieldProblem[], headers?: Record<string, string>) =>
  answer(response, status, { status: 'error', problems }, headers);

/**
 * The endpoint for KTPay's `callback_post_url`: reads and validates the callback, calls `onResult`
 * once per result, and answers `{"status":"ok"}` only after it resolved. A repeat of a handled
 * result is acknowledged at once; a repeat arriving while the first is still being handled waits
 * for the same `onResult` and gets the same answer. Never throws.
 */
export function createCallbackHandler(options: CallbackHandlerOptions): CallbackHandler {
  const { onResult, store = memoryStore(), maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('ktpay-checkout: handling a KTPay callback failed', error));
  const inFlight = new Map<string, Promise<void>>();

  async function handleOnce(callback: KtpayCallback): Promise<void> {
    const key = deliveryKey(callback);
    const running = inFlight.get(key);
    if (running) return running;
    const work = (async () => {
      if (await store.has(key)) return;
      await onResult(callback);
      await store.add(key);
    })();
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
      onError(error, parsed.callback);
      return answer(response, 500, { status: 'error' });
    }
    answer(response, 200, CALLBACK_ACK);
  };
}
