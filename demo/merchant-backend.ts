// The demo shop's server, run inside `npm run demo`'s dev server: it prices the cart, seals KTPay
// orders and issues ePay tokens for that price, takes both providers' results (demo/ktpay-backend.ts,
// demo/epay-backend.ts), and answers a route the shop page reads to show what the server learned.
// Orders live in memory, as in any demo.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { readBody } from '../src/server/read-body.js';
import { priceOnServer } from './cart.js';
import { epayBackend } from './epay-backend.js';
import { ktpayBackend } from './ktpay-backend.js';
import { CART_PATH, ORDERS_PATH } from './shop-routes.js';

/** What the shop's order view shows, from whichever provider told the server. */
export interface ConfirmedOrder {
  orderId: string;
  outcome: 'paid' | 'failed' | 'pending';
  status: string;
  amount: number;
  transactionHash: string;
  error: unknown;
  confirmedAt: string;
}

/** Orders as the server priced them: order id → amount in tenge. */
export type ServerCarts = Map<string, number>;
/** Orders as the server learned their outcome, from KTPay's callback or ePay's postLink only. */
export type ConfirmedOrders = Map<string, ConfirmedOrder>;

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
};

/** An order id either provider takes: KTPay's `T-…`, ePay's 6 to 15 digits. */
const ORDER_ID = /^(?:T-[0-9A-Z]{1,20}|\d{6,15})$/;

export function merchantBackend(): Plugin {
  const carts: ServerCarts = new Map();
  const confirmed: ConfirmedOrders = new Map();
  const ktpay = ktpayBackend(carts, confirmed);
  const epay = epayBackend(carts, confirmed);

  /** PUT: the page says what is in the cart (quantities only); the server prices it, and that is the order's amount. */
  async function priceCart(request: IncomingMessage, response: ServerResponse, orderId: string): Promise<void> {
    const read = await readBody(request, 16 * 1024);
    let lines: unknown;
    try {
      lines = read.ok ? JSON.parse(String(read.body)) : undefined;
    } catch {
      lines = undefined;
    }
    const priced = Array.isArray(lines) && ORDER_ID.test(orderId) ? priceOnServer(lines as { id: string; qty: number }[]) : undefined;
    if (!priced || priced.total === 0) return json(response, 400, { error: 'not a cart' });
    if (confirmed.get(orderId)?.outcome === 'paid') return json(response, 409, { error: 'this order is paid' });
    carts.set(orderId, priced.total / 100);
    json(response, 200, { orderId, amount: priced.total / 100 });
  }

  function readOrder(orderId: string, response: ServerResponse): void {
    const order = confirmed.get(orderId);
    json(response, order ? 200 : 404, order ?? { error: 'no result for this order yet' });
  }

  return {
    name: 'ktpay-demo-merchant-backend',
    configureServer(server) {
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
        const path = request.url?.split('?')[0] ?? '';
        const origin = `http://${request.headers.host ?? 'localhost'}`;
        if (path.startsWith(CART_PATH) && request.method === 'PUT') return void priceCart(request, response, decodeURIComponent(path.slice(CART_PATH.length)));
        if (path.startsWith(ORDERS_PATH) && request.method === 'GET') return readOrder(decodeURIComponent(path.slice(ORDERS_PATH.length)), response);
        ktpay(request, response, path, origin)
          .then((handled) => handled || epay(request, response, path, origin))
          .then(
            (handled) => handled || next(),
            (error: unknown) => next(error),
          );
      });
    },
  };
}
