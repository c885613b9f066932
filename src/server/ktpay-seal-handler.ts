import { decodeAppKey } from '../crypto/app-key.js';
import { sameAmount } from './amount.js';
import { failure, refusal, type Reply } from './answer.js';
import { tokenedCallbackUrl } from './callback-token.js';
import { createEndpoint, type Post, type RequestHandler, type ServerRequest } from './endpoint.js';
import { id, number, object, optional, readBodyShape } from './fields.js';
import { hmacKey } from './hmac.js';
import { ktpayRequestOf, type KtpayOrder } from './ktpay-order.js';
import { returnOriginsOf, returnUrl } from './return-origins.js';
import { sealJson } from './seal.js';
import { requireFunction, requireHttpUrl, requireText } from './settings.js';

/** What the seal endpoint needs: the app key, your orders, and where KTPay's callback goes. */
export interface KtpaySealHandlerOptions {
  /** KTPay's app key (base64 of the 32-byte public key, as the element's `app-key`). */
  appKey: string;
  /**
   * Your order `orderId`, or null/undefined when it is not one this buyer may pay (unknown, already
   * paid: the endpoint is public, so anyone can ask). `request` is there for the session: Node's
   * IncomingMessage, or the Fetch API's Request through `handler.fetch`.
   */
  resolveOrder(orderId: string, request: ServerRequest): KtpayOrder | null | undefined | Promise<KtpayOrder | null | undefined>;
  /** The secret of the callback token; `createCallbackHandler` needs the same one. Keep it out of the page and the logs. */
  callbackSecret: string;
  /** Your callback endpoint (`createCallbackHandler`), absolute http(s): the token is added to it per order. */
  callbackPostUrl: string;
  /**
   * The origins the page's return URLs may point at, e.g. `["https://shop.kz"]`. Default: the
   * request's own host (its `Host` header), over http or https. Set it where a proxy rewrites
   * `Host`, or to be sure: `Host` is what the sender says.
   */
  returnOrigins?: readonly string[];
  /** Larger bodies get 413. Default 8 KiB; the element's is well under 1 KiB. */
  maxBodyBytes?: number;
  /** Told when `resolveOrder` throws or gives an order KTPay would refuse (500). Default: `console.error`. */
  onError?(error: unknown, orderId: string): void;
}

const DEFAULT_MAX_BODY_BYTES = 8 * 1024;

/** The app key's 32 bytes, decoded as the element decodes `app-key`; a TypeError for anything else. */
function appKeyOf(value: unknown): Uint8Array {
  const key = typeof value === 'string' ? decodeAppKey(value) : null;
  if (key) return key;
  throw new TypeError("createKtpaySealHandler: options.appKey must be base64 of a 32-byte key (KTPay's app key)");
}

/**
 * The endpoint for the element's `seal-url` (KTPay): the page POSTs `{"orderId","amount","returnUrls"}`
 * as JSON, and gets `{"sealed"}`: the order KTPay receives, sealed to the app key, with every field
 * from `resolveOrder` (never from the page), the page's return URLs where they are on the shop's
 * origins, and `callback_post_url` = `callbackPostUrl` with the order's callback token.
 *
 * 200 `{"sealed":"<base64>"}` (`Cache-Control: no-store`); 404 `resolveOrder` gave nothing; 409
 * the page's amount is not the order's (compared in tiyn); 400 a body that is not the element's,
 * or a return URL that is not absolute http(s) on an allowed origin (every problem listed); 405
 * not POST; 413 over `maxBodyBytes`; 415 not `application/json`; 500 `resolveOrder` threw or gave
 * an order KTPay would refuse. Works with `http.createServer` and Express (with or without
 * `express.json()`). Throws a TypeError at creation for an app key, secret or callback URL that
 * cannot work; the handler itself never throws.
 */
export function createKtpaySealHandler(options: KtpaySealHandlerOptions): RequestHandler {
  const appKey = appKeyOf(options.appKey);
  const resolveOrder = requireFunction(options.resolveOrder, 'createKtpaySealHandler: options.resolveOrder');
  const key = hmacKey(requireText(options.callbackSecret, 'createKtpaySealHandler: options.callbackSecret'));
  const callbackPostUrl = requireHttpUrl(options.callbackPostUrl, 'createKtpaySealHandler: options.callbackPostUrl');
  const returnOrigins = returnOriginsOf(options.returnOrigins, 'createKtpaySealHandler: options.returnOrigins');
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('ktpay-checkout: sealing a KTPay order failed', error));

  /** The answer to one request, from its body and host, whichever server form received it. */
  async function seal({ body, host, request }: Post): Promise<Reply> {
    const allowed = returnUrl(returnOrigins(host));
    const read = readBodyShape(body, {
      orderId: id(),
      amount: number({ min: 0 }),
      returnUrls: optional(object({ success: optional(allowed), failed: optional(allowed), back: optional(allowed) })),
    });
    if (!read.ok) return refusal(400, read.problems);
    const { orderId, amount, returnUrls = {} } = read.value;

    let sealed: string;
    try {
      const order = await resolveOrder(orderId, request);
      if (!order) return refusal(404, [{ field: 'orderId', message: 'is not an order that can be paid' }]);
      const post = await tokenedCallbackUrl(callbackPostUrl, orderId, await key);
      const ktpayRequest = ktpayRequestOf(orderId, order, { ...returnUrls, post });
      if (!sameAmount(amount, ktpayRequest.order.amount)) return refusal(409, [{ field: 'amount', message: "is not the order's amount" }]);
      sealed = await sealJson(JSON.stringify(ktpayRequest), appKey);
    } catch (error) {
      onError(error, orderId);
      return failure(500);
    }
    return { status: 200, body: { sealed } };
  }

  return createEndpoint({ what: 'KTPay seal requests', maxBodyBytes, jsonOnly: true }, seal);
}
