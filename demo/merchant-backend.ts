// The demo shop's server, run inside `npm run demo`'s dev server: the callback endpoint a merchant
// writes with `createCallbackHandler`, and a route the shop page reads to show what the server
// learned. Orders live in memory, as in any demo.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { KtpayCallback } from '../src/ktpay/callback.js';
import { outcomeOfStatus } from '../src/ktpay/status.js';
import { createCallbackHandler } from '../src/server/callback-handler.js';
import { epayBackend, type ConfirmedOrder } from './epay-backend.js';
import { CALLBACK_PATH, ORDERS_PATH } from './shop-routes.js';

export { CALLBACK_PATH, ORDERS_PATH };

/** An order as the server knows it: only from KTPay's callback (or ePay's postLink), never from the browser. */
type ServerOrder = ConfirmedOrder & { error: KtpayCallback['status']['error'] | unknown };

export function merchantBackend(): Plugin {
  const orders = new Map<string, ServerOrder>();
  const epay = epayBackend(orders);
  const callbackEndpoint = createCallbackHandler({
    // TODO(issue 24): the demo still seals in the browser, where no token proves anything; once it
    // seals on its server (createKtpaySealHandler), pass that handler's callbackSecret here.
    callbackSecret: false,
    onResult(callback) {
      // A real shop checks the amount against its own order before it ships anything.
      orders.set(callback.order_id, {
        orderId: callback.order_id,
        outcome: outcomeOfStatus(callback.status.status),
        status: callback.status.status,
        amount: callback.amount,
        transactionHash: callback.transaction_hash,
        error: callback.status.error,
        confirmedAt: new Date().toISOString(),
      });
    },
  });

  function readOrder(url: string, response: ServerResponse): void {
    const order = orders.get(decodeURIComponent(url.slice(ORDERS_PATH.length)));
    response.writeHead(order ? 200 : 404, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(order ?? { error: 'no callback for this order yet' }));
  }

  return {
    name: 'ktpay-demo-merchant-backend',
    configureServer(server) {
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
        const path = request.url?.split('?')[0] ?? '';
        if (path === CALLBACK_PATH) return void callbackEndpoint(request, response);
        if (path.startsWith(ORDERS_PATH) && request.method === 'GET') return readOrder(path, response);
        epay(request, response, path).then(
          (handled) => handled || next(),
          (error: unknown) => next(error),
        );
      });
    },
  };
}
