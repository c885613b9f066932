import type { Payment } from '../params/params.js';
import { callbacksToSend } from './callback-urls.js';
import { ktpayRequestJson, type KtpayRequest } from './request-json.js';

export type { KtpayRequest };

/** Where the element itself must learn the outcome: its own marked URLs (see callback-urls.ts). */
export interface OwnCallbackUrls {
  success: URL;
  failed: URL;
}

/**
 * Maps a payment to KTPay's wire JSON. Unset fields are left out, never sent as null or "".
 * The element's own callback URLs fill in success/failed only where the merchant gave none; with
 * the attempt's `nonce`, URLs of different outcomes that coincide are marked apart
 * (`callbacksToSend`).
 */
export function toKtpayRequest(payment: Payment, own?: OwnCallbackUrls, nonce?: string): KtpayRequest {
  return ktpayRequestJson({ ...payment, callbacks: callbacksToSend(payment.callbacks, own, nonce) });
}
