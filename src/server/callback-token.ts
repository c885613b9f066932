// The token that proves a KTPay callback came for an order the shop sealed: KTPay's callback has no
// signature, so the shop puts one in the URL KTPay calls (`callback_post_url`, inside the seal,
// which only KTPay can open), and refuses a callback that does not carry it.
import type { FieldProblem } from './fields.js';
import { hmacHex, hmacKey, verifyHmacHex, type HmacKey } from './hmac.js';
import { requireHttpUrl, requireText } from './settings.js';

/** The query parameter of the callback URL that carries the token. */
export const KTPAY_TOKEN_PARAM = 'ktpay_token';

/** The order's token: lowercase hex HMAC-SHA-256 of the order id. */
const tokenMessage = (orderId: string) => orderId;

/** `base` with the order's token, replacing any token `base` already had. */
export async function tokenedCallbackUrl(base: URL, orderId: string, key: HmacKey): Promise<string> {
  const url = new URL(base);
  url.searchParams.set(KTPAY_TOKEN_PARAM, await hmacHex(key, tokenMessage(orderId)));
  return url.href;
}

/**
 * The URL KTPay should POST an order's callback to: `base` with the query parameter `ktpay_token`,
 * the lowercase hex HMAC-SHA-256 of `orderId` under `secret`. `createCallbackHandler({
 * callbackSecret: secret })` refuses a callback for that order without it. A promise, because it
 * uses Web Crypto. Rejects with a TypeError for a `base` that is not absolute http(s), or an empty
 * order id or secret.
 */
export async function ktpayCallbackUrl(base: string, orderId: string, secret: string): Promise<string> {
  const url = requireHttpUrl(base, 'ktpayCallbackUrl: base');
  requireText(orderId, 'ktpayCallbackUrl: orderId');
  const key = await hmacKey(requireText(secret, 'ktpayCallbackUrl: secret'));
  return tokenedCallbackUrl(url, orderId, key);
}

/** What is wrong with a callback's token for `orderId`, or undefined when it is the order's. */
export async function callbackTokenProblem(key: HmacKey, orderId: string, query: URLSearchParams): Promise<FieldProblem | undefined> {
  const token = query.get(KTPAY_TOKEN_PARAM);
  if (!token) return { field: KTPAY_TOKEN_PARAM, message: 'is required' };
  if (!(await verifyHmacHex(key, tokenMessage(orderId), token))) return { field: KTPAY_TOKEN_PARAM, message: 'does not match' };
  return undefined;
}
