// The demo shop's server, its KTPay half: what a merchant with a KTPay account writes. The order is
// sealed here, with the amount this server priced (the page's is only checked), and KTPay's
// callback comes back to a URL carrying the order's token, which only this server can make.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { outcomeOfStatus } from '../src/ktpay/status.js';
import { SANDBOX_APP_KEY } from '../src/sandbox/keys.js';
import { createCallbackHandler } from '../src/server/callback-handler.js';
import { createKtpaySealHandler } from '../src/server/ktpay-seal-handler.js';
import type { ConfirmedOrders, ServerCarts } from './merchant-backend.js';
import { CALLBACK_PATH, KTPAY_SEAL_PATH } from './shop-routes.js';

/** The KTPay routes of the demo's server. */
export function ktpayBackend(carts: ServerCarts, confirmed: ConfirmedOrders) {
  // One secret for the seal's callback URL and the callback's check: never in the page.
  const callbackSecret = randomBytes(32).toString('hex');
  let seal: ReturnType<typeof createKtpaySealHandler> | undefined;

  const callback = createCallbackHandler({
    callbackSecret,
    onResult(result) {
      // The token proved the callback is for an order this server sealed; the amount is checked
      // against the order all the same (a real shop ships only then), and recording is idempotent.
      const priced = carts.get(result.order_id);
      const outcome = priced !== undefined && result.amount !== priced ? 'failed' : outcomeOfStatus(result.status.status);
      confirmed.set(result.order_id, {
        orderId: result.order_id,
        outcome,
        status: result.status.status,
        amount: result.amount,
        transactionHash: result.transaction_hash,
        error: result.status.error,
        confirmedAt: new Date().toISOString(),
      });
    },
  });

  return async (request: IncomingMessage, response: ServerResponse, path: string, origin: string): Promise<boolean> => {
    if (path === KTPAY_SEAL_PATH) {
      seal ??= createKtpaySealHandler({
        appKey: SANDBOX_APP_KEY, // the sandbox's published key: its KTPay opens what this seals
        callbackSecret,
        callbackPostUrl: new URL(CALLBACK_PATH, origin).href,
        // The order as this server priced it; none for an order it does not know or that is paid.
        resolveOrder: (orderId) => {
          const amount = carts.get(orderId);
          return amount !== undefined && confirmed.get(orderId)?.outcome !== 'paid' ? { amount, description: 'Кітап дүкені' } : undefined;
        },
      });
      await seal(request, response);
      return true;
    }
    if (path === CALLBACK_PATH) {
      await callback(request, response);
      return true;
    }
    return false;
  };
}
