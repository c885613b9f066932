import { callbacksToSend, type OwnCallbackUrls } from '../core/callback-urls.js';
import type { Payment } from '../params/params.js';
import { ktpayRequestJson, type KtpayRequest } from './request-json.js';

export type { KtpayRequest };

/**
 * Maps a payment to KTPay's wire JSON. Unset fields are left out, never sent as null or "".
 * The element's own callback URLs fill in success/failed only where the merchant gave none; with
 * the attempt's `nonce`, URLs of different outcomes that coincide are marked apart
 * (`callbacksToSend`).
 */
export function toKtpayRequest(payment: Payment, own?: OwnCallbackUrls, nonce?: string): KtpayRequest {
  return ktpayRequestJson({ ...payment, callbacks: callbacksToSend(payment.callbacks, own, nonce) });
}
