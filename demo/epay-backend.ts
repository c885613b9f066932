// The demo shop's server, its ePay half: what a merchant with an ePay contract writes. The element's
// `auth-url` gets a token from Halyk for the amount this server priced; ePay's postLink tells the
// outcome, which is confirmed with Halyk's status API before the order counts. Halyk's side is the
// sandbox's stand-in, run here as Halyk runs its own: the page's sandbox leaves it to this server.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { createEpaySandboxHandlers } from '../src/sandbox/epay/handlers.js';
import {
  SANDBOX_EPAY_API_URL,
  SANDBOX_EPAY_CLIENT_ID,
  SANDBOX_EPAY_CLIENT_SECRET,
  SANDBOX_EPAY_PAY_URL,
  SANDBOX_EPAY_TERMINAL,
  SANDBOX_EPAY_TOKEN_URL,
} from '../src/sandbox/epay/config.js';
import { createEpayAuthHandler } from '../src/server/epay-auth-handler.js';
import { createEpayPostLinkHandler } from '../src/server/epay-post-link-handler.js';
import { readBody } from '../src/server/read-body.js';
import type { ConfirmedOrders, ServerCarts } from './merchant-backend.js';
import { EPAY_AUTH_PATH, EPAY_POST_LINK_PATH } from './shop-routes.js';

/** Halyk's routes, as the sandbox stands in for them: the token, the form's record, the status API. */
const isHalykRoute = (path: string) => path === SANDBOX_EPAY_TOKEN_URL || path === SANDBOX_EPAY_PAY_URL || path.startsWith(`${SANDBOX_EPAY_API_URL}/`);

/** A Node request as a fetch Request, for the sandbox's MSW handlers. */
async function toRequest(request: IncomingMessage, origin: string): Promise<Request> {
  const read = await readBody(request, 64 * 1024);
  const body = read.ok ? String(read.body) : '';
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  return new Request(new URL(request.url ?? '/', origin), { method: request.method ?? 'GET', headers, body: body === '' ? null : body });
}

/** The ePay routes of the demo's server, and Halyk's stand-in beside them. */
export function epayBackend(carts: ServerCarts, confirmed: ConfirmedOrders) {
  const halyk = createEpaySandboxHandlers({ delayMs: 0 });
  // One secret for the secret_hash of each token and its check in the postLink: never in the page.
  const callbackSecret = randomBytes(32).toString('hex');
  const credentials = { clientId: SANDBOX_EPAY_CLIENT_ID, clientSecret: SANDBOX_EPAY_CLIENT_SECRET, terminal: SANDBOX_EPAY_TERMINAL };
  let handlers: { auth: ReturnType<typeof createEpayAuthHandler>; postLink: ReturnType<typeof createEpayPostLinkHandler> } | undefined;

  /** Made on the first request, once the server's own origin (Halyk's stand-in's) is known. */
  const handlersFor = (origin: string) => ({
    auth: createEpayAuthHandler({
      ...credentials,
      tokenUrl: new URL(SANDBOX_EPAY_TOKEN_URL, origin).href,
      postLink: new URL(EPAY_POST_LINK_PATH, origin).href,
      callbackSecret,
      // The order as this server priced it; none for an order it does not know or that is paid.
      resolveOrder: (invoiceId) => {
        const amount = carts.get(invoiceId);
        return amount !== undefined && confirmed.get(invoiceId)?.outcome !== 'paid' ? { amount, currency: 'KZT' } : undefined;
      },
    }),
    postLink: createEpayPostLinkHandler({
      callbackSecret,
      // Every postLink is confirmed with Halyk's status API before onResult hears of it.
      confirm: { ...credentials, tokenUrl: new URL(SANDBOX_EPAY_TOKEN_URL, origin).href, apiUrl: new URL(SANDBOX_EPAY_API_URL, origin).href },
      onResult(result, confirmation) {
        const paid = result.code === 'ok';
        confirmed.set(result.invoiceId, {
          orderId: result.invoiceId,
          outcome: paid ? 'paid' : 'failed',
          // KTPay's status names, so the shop shows both providers' results in the element's words.
          status: paid ? 'completed' : 'error',
          amount: result.amount,
          transactionHash: result.id,
          error: paid ? null : { reasonCode: result.reasonCode, reason: result.reason ?? null, halyk: confirmation?.transaction?.statusName ?? null },
          confirmedAt: new Date().toISOString(),
        });
      },
    }),
  });

  return async (request: IncomingMessage, response: ServerResponse, path: string, origin: string): Promise<boolean> => {
    if (isHalykRoute(path)) {
      const answer = await getResponse(halyk, await toRequest(request, origin));
      response.writeHead(answer?.status ?? 404, { 'Content-Type': 'application/json' });
      response.end(answer ? await answer.text() : '{}');
      return true;
    }
    if (path !== EPAY_AUTH_PATH && path !== EPAY_POST_LINK_PATH) return false;
    handlers ??= handlersFor(origin);
    await (path === EPAY_AUTH_PATH ? handlers.auth : handlers.postLink)(request, response);
    return true;
  };
}
