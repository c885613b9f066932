// The demo shop's server, its ePay half: what a merchant with an ePay contract writes. The page
// tells the server what is in the cart (the server prices it), the element's `auth-url` gets a
// token for that amount from Halyk (here the sandbox's stand-in, on the dev server), and ePay's
// postLink tells the server the outcome. Orders live in memory, as in any demo.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { createEpayAuthHandler } from '../src/server/epay-auth-handler.js';
import { createEpayPostLinkHandler } from '../src/server/epay-post-link-handler.js';
import { readBody } from '../src/server/read-body.js';
import { createEpaySandboxHandlers } from '../src/sandbox/epay/handlers.js';
import { SANDBOX_EPAY_CLIENT_ID, SANDBOX_EPAY_CLIENT_SECRET, SANDBOX_EPAY_TERMINAL, SANDBOX_EPAY_TOKEN_URL } from '../src/sandbox/epay/config.js';
import { priceOnServer } from './cart.js';
import { EPAY_AUTH_PATH, EPAY_ORDER_PATH, EPAY_POST_LINK_PATH } from './shop-routes.js';

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

interface EpayCart {
  amount: number;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
};

/** The body's text, or undefined when it is too large or cut off. */
async function bodyText(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const read = await readBody(request, maxBytes);
  return read.ok ? String(read.body) : undefined;
}

/** A Node request as a fetch Request, for the sandbox's MSW handlers. */
async function toRequest(request: IncomingMessage, origin: string): Promise<Request> {
  const body = (await bodyText(request, 64 * 1024)) ?? '';
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  return new Request(new URL(request.url ?? '/', origin), { method: request.method ?? 'GET', headers, body: body === '' ? null : body });
}

/** The ePay routes of the demo's server; `confirmed` is the order view both providers fill. */
export function epayBackend(confirmed: Map<string, ConfirmedOrder>) {
  const carts = new Map<string, EpayCart>();
  const sandbox = createEpaySandboxHandlers({ delayMs: 0 });
  let auth: ReturnType<typeof createEpayAuthHandler> | undefined;
  // Each token's secret_hash is derived from it, and the postLink proves it with the same.
  const callbackSecret = randomBytes(32).toString('hex');

  const postLink = createEpayPostLinkHandler({
    callbackSecret,
    // TODO(issue 24): confirm with the sandbox's status API (confirm: { clientId, clientSecret,
    // terminal, apiUrl }) once the demo is reworked; until then a real shop must not copy this.
    confirm: false,
    onResult(result) {
      confirmed.set(result.invoiceId, {
        orderId: result.invoiceId,
        outcome: result.code === 'ok' ? 'paid' : 'failed',
        // KTPay's status names, so the shop shows both providers' results in the element's words.
        status: result.code === 'ok' ? 'completed' : 'error',
        amount: result.amount,
        transactionHash: result.id,
        error: result.code === 'ok' ? null : { reasonCode: result.reasonCode, reason: result.reason ?? null },
        confirmedAt: new Date().toISOString(),
      });
    },
  });

  return async (request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> => {
    const origin = `http://${request.headers.host ?? 'localhost'}`;
    if (path === SANDBOX_EPAY_TOKEN_URL) {
      const answer = await getResponse(sandbox, await toRequest(request, origin));
      response.writeHead(answer?.status ?? 404, { 'Content-Type': 'application/json' });
      response.end(answer ? await answer.text() : '{}');
      return true;
    }
    if (path.startsWith(EPAY_ORDER_PATH) && request.method === 'PUT') {
      const invoiceId = decodeURIComponent(path.slice(EPAY_ORDER_PATH.length));
      let lines: unknown;
      try {
        lines = JSON.parse((await bodyText(request, 16 * 1024)) ?? '');
      } catch {
        lines = undefined;
      }
      const priced = Array.isArray(lines) && /^\d{6,15}$/.test(invoiceId) ? priceOnServer(lines as { id: string; qty: number }[]) : undefined;
      if (!priced || priced.total === 0) return json(response, 400, { error: 'not a cart' }), true;
      carts.set(invoiceId, { amount: priced.total / 100 });
      return json(response, 200, { invoiceId, amount: priced.total / 100 }), true;
    }
    if (path === EPAY_AUTH_PATH) {
      auth ??= createEpayAuthHandler({
        clientId: SANDBOX_EPAY_CLIENT_ID,
        clientSecret: SANDBOX_EPAY_CLIENT_SECRET,
        terminal: SANDBOX_EPAY_TERMINAL,
        tokenUrl: new URL(SANDBOX_EPAY_TOKEN_URL, origin).href,
        postLink: new URL(EPAY_POST_LINK_PATH, origin).href,
        callbackSecret,
        resolveOrder: (invoiceId) => {
          const cart = carts.get(invoiceId);
          return cart && !confirmed.has(invoiceId) ? { amount: cart.amount, currency: 'KZT' } : undefined;
        },
      });
      await auth(request, response);
      return true;
    }
    if (path === EPAY_POST_LINK_PATH) {
      await postLink(request, response);
      return true;
    }
    return false;
  };
}
