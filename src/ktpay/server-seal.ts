import { FailureError } from '../core/failure.js';
import { postToMerchant } from '../core/merchant-endpoint.js';
import type { CallbackUrls } from '../params/params.js';
import { isObject } from '../util/is-object.js';

/** What the page tells the merchant's `seal-url`: the order it pays, the amount it shows, where the buyer comes back. */
export interface SealRequest {
  orderId: string;
  amount: number;
  returnUrls: { success?: string; failed?: string; back?: string };
}

/** Standard base64 with padding, as libsodium's ORIGINAL variant writes it (and KTPay reads it). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The body for `seal-url`: only what the page may say; the server decides the rest of the order. */
export function sealRequestOf(orderId: string, amount: number, callbacks: CallbackUrls): SealRequest {
  const returnUrls: SealRequest['returnUrls'] = {};
  if (callbacks.success) returnUrls.success = callbacks.success.href;
  if (callbacks.failed) returnUrls.failed = callbacks.failed.href;
  if (callbacks.back) returnUrls.back = callbacks.back.href;
  return { orderId, amount, returnUrls };
}

/**
 * The order sealed by the merchant's server (`createKtpaySealHandler` of ktpay-checkout/server):
 * the `sealed` string of its answer, sent to KTPay exactly as the element's own seal would be.
 * Its refusals are `auth` failures (see `postToMerchant`); an answer without a seal, too.
 */
export async function requestServerSeal(sealUrl: URL, request: SealRequest, options: { timeoutMs: number; signal: AbortSignal }): Promise<string> {
  const { status, answer } = await postToMerchant(sealUrl, request, options);
  const sealed = isObject(answer) ? answer.sealed : undefined;
  if (typeof sealed !== 'string' || !BASE64.test(sealed)) throw new FailureError({ source: 'auth', reason: 'bad-answer', status });
  return sealed;
}
