import { CALLBACK_ACK, type KtpayCallback } from '../ktpay/callback.js';
import type { DeliveryStore } from './delivery-store.js';
import { callbackTokenProblem } from './callback-token.js';
import { createDeliveryHandler } from './delivery-handler.js';
import { sha256Hex } from './digest.js';
import type { RequestHandler } from './endpoint.js';
import { hmacKey } from './hmac.js';
import { parseCallback } from './parse-callback.js';
import { requireText } from './settings.js';

export interface CallbackHandlerOptions {
  /**
   * The secret your orders' callback URLs were made with (`createKtpaySealHandler`,
   * `ktpayCallbackUrl`): a callback whose `ktpay_token` is missing or is not its order's gets 403,
   * before the store and `onResult`. `false` for orders sealed in the browser: there the buyer
   * chooses the callback URL, so a token could prove nothing, and none is checked.
   */
  callbackSecret: string | false;
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
  /**
   * How long each store call (claim, done, release) may take before KTPay gets a 503 with
   * Retry-After. Default 3 s.
   */
  storeTimeoutMs?: number;
  /** Told when `onResult` or the store fails. Default: `console.error`. */
  onError?(error: unknown, callback: KtpayCallback): void;
}

/** A Node request handler with a bound Fetch API form, `.fetch` (see {@link RequestHandler}). */
export type CallbackHandler = RequestHandler;

/**
 * One result: a digest of every field the merchant acts on (merchant, order, transaction, amount,
 * status and its error). The same result delivered again has the same key; a body that differs in
 * any of these (a forged amount for a real transaction hash, say) is another result, handled on its
 * own, so it can never stand in for the genuine one.
 */
export function deliveryKey(callback: KtpayCallback): string {
  const { merchant_id, order_id, transaction_hash, amount, status } = callback;
  const fields = [merchant_id, order_id, transaction_hash, amount, status.status, status.error?.error_type ?? null, status.error?.code ?? null];
  return sha256Hex(JSON.stringify(fields));
}

/** What the TypeError for a missing secret says to do: both ways out, by name. */
const CALLBACK_SECRET_HINT =
  'Pass the secret your callback URLs were made with (createKtpaySealHandler, ktpayCallbackUrl), ' +
  'or callbackSecret: false for orders sealed in the browser, whose callbacks no token can prove.';

/**
 * The endpoint for KTPay's `callback_post_url`: reads and validates the callback, refuses one
 * without its order's token (403, with `callbackSecret`), has `onResult` handle each result once
 * (across processes, with a shared store), and answers `{"status":"ok"}` only after it resolved.
 * A repeat of a handled result is acknowledged at once; a repeat arriving while the result is
 * being handled waits for that and gets the same answer. Throws a TypeError at creation when
 * `callbackSecret` is neither a non-empty string nor `false`; the handler itself never throws.
 */
export function createCallbackHandler(options: CallbackHandlerOptions): CallbackHandler {
  const key = options.callbackSecret === false ? undefined : hmacKey(requireText(options.callbackSecret, 'createCallbackHandler: options.callbackSecret', CALLBACK_SECRET_HINT));
  const onError = options.onError ?? ((error: unknown) => console.error('ktpay-checkout: handling a KTPay callback failed', error));
  return createDeliveryHandler(
    {
      what: 'KTPay callbacks',
      async read(body, query) {
        const parsed = parseCallback(body);
        if (!parsed.ok) return { ok: false, status: 400, problems: parsed.problems };
        const problem = key && (await callbackTokenProblem(await key, parsed.callback.order_id, query));
        return problem ? { ok: false, status: 403, problems: [problem] } : { ok: true, result: parsed.callback };
      },
      key: deliveryKey,
      ack: CALLBACK_ACK,
    },
    { ...options, onError },
  );
}
