// What the demo shop does when the modal closed after the payment page showed (`open()` resolves
// `unknown`, `ktpay:close` has `paymentStarted: true`): the buyer may have paid, so before offering
// to pay again it asks its own server, which learns the outcome from KTPay's callback.
import { ORDERS_PATH } from './shop-routes.js';

/**
 * The order as the shop's server knows it: paid or not paid (with KTPay's status), or not known yet
 * (no callback so far).
 */
export type ServerVerdict = { outcome: 'paid' | 'failed'; status: string } | { outcome: 'unknown' };

/** Asks the shop's server about `orderId` every `every` ms until it knows, or `within` ms have passed. */
export async function askServer(orderId: string, { within = 10_000, every = 500 } = {}): Promise<ServerVerdict> {
  const until = Date.now() + within;
  for (;;) {
    const response = await fetch(`${ORDERS_PATH}${encodeURIComponent(orderId)}`, { cache: 'no-store' }).catch(() => undefined);
    if (response?.ok) {
      const { outcome, status } = (await response.json()) as { outcome?: string; status?: string };
      if ((outcome === 'paid' || outcome === 'failed') && typeof status === 'string') return { outcome, status };
    }
    if (Date.now() + every > until) return { outcome: 'unknown' };
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
