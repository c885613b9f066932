import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { CallbackUrls, Payment } from '../params/params.js';
import { parseHttpUrl } from '../params/url.js';
import { ktpayRequestJson } from '../ktpay/request-json.js';
import { isObject } from '../util/is-object.js';
import { SANDBOX_SEAL_URL } from './config.js';
import { SANDBOX_APP_KEY } from './keys.js';
import { sandboxSodium } from './sodium.js';

/** The merchant's order as its server knows it: the amount charged, and what else KTPay is told. */
export interface SandboxSealOrder {
  amount: number;
  description?: string;
}

export interface SandboxSealOptions {
  /** Milliseconds before the answer. */
  delayMs?: number;
  /** The merchant's orders; by default any order, at the amount the page names. */
  resolveOrder?: (orderId: string) => SandboxSealOrder | undefined;
}

const refuse = (status: number, message: string) => HttpResponse.json({ status: 'error', problems: [{ field: '', message }] }, { status });

/**
 * The merchant's `seal-url`, as `createKtpaySealHandler` of ktpay-checkout/server answers it, for
 * pages without a server of their own (stories, tests): the order sealed to the sandbox's key,
 * with the server's amount (409 when the page names another), 404 for an order `resolveOrder` does
 * not know, 400 for a return URL off the page's origin, 415 for a body that is not JSON. In the
 * sandbox it runs in the buyer's page, as KTPay's stand-in does: a real server keeps it out of reach.
 */
export function createSealUrlHandler({ delayMs = 0, resolveOrder }: SandboxSealOptions = {}): HttpHandler {
  return http.post(`*${SANDBOX_SEAL_URL}`, async ({ request }) => {
    await delay(delayMs);
    if (!/^application\/json\b/.test(request.headers.get('Content-Type') ?? '')) return refuse(415, 'must be application/json');
    const asked: unknown = await request.json().catch(() => undefined);
    if (!isObject(asked) || typeof asked.orderId !== 'string' || typeof asked.amount !== 'number' || !isObject(asked.returnUrls)) {
      return refuse(400, 'is not what the element sends');
    }
    const order = resolveOrder ? resolveOrder(asked.orderId) : { amount: asked.amount };
    if (!order) return refuse(404, 'is not an order that can be paid');
    if (Math.round(order.amount * 100) !== Math.round(asked.amount * 100)) return refuse(409, "is not the order's amount");
    const callbacks: CallbackUrls = {};
    for (const name of ['success', 'failed', 'back'] as const) {
      const given = asked.returnUrls[name];
      if (given === undefined) continue;
      const url = parseHttpUrl(given);
      if (!url || url.origin !== new URL(request.url).origin) return refuse(400, `returnUrls.${name} is not on this origin`);
      callbacks[name] = url;
    }
    const payment: Payment = { orderId: asked.orderId, amount: order.amount, type: 'ecom', callbacks, user: {} };
    if (order.description !== undefined) payment.description = order.description;
    const sodium = await sandboxSodium();
    const key = sodium.from_base64(SANDBOX_APP_KEY, sodium.base64_variants.ORIGINAL);
    const sealed = sodium.crypto_box_seal(sodium.from_string(JSON.stringify(ktpayRequestJson(payment))), key);
    return HttpResponse.json({ sealed: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
