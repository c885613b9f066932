import { sameAmount } from './amount.js';
import { failure, refusal, type Reply } from './answer.js';
import { createEndpoint, type Post, type RequestHandler, type ServerRequest } from './endpoint.js';
import { EpayTokenError } from './epay-error.js';
import { issueEpaySecretHash } from './epay-secret-hash.js';
import { requestEpayToken, type EpayCredentials, type EpayTokenHost } from './epay-token.js';
import { id, number, readBodyShape, text } from './fields.js';
import { hmacKey } from './hmac.js';
import { requireFunction, requireHttpUrl, requireText } from './settings.js';

/** The merchant's own order, as its server knows it: what the token is issued for. */
export interface EpayOrder {
  /** What is charged, whatever the browser said. */
  amount: number;
  /** "KZT". */
  currency: string;
}

/** What the `auth-url` endpoint needs: your credentials, the host, your postLink, and your orders. */
export interface EpayAuthHandlerOptions extends EpayCredentials, EpayTokenHost {
  /**
   * The order for `invoiceId`, or null/undefined when it is not one this buyer may pay (unknown,
   * already paid: the endpoint is public, so anyone can ask). `request` is there for the session:
   * Node's IncomingMessage, or the Fetch API's Request through `handler.fetch`.
   */
  resolveOrder(invoiceId: string, request: ServerRequest): EpayOrder | null | undefined | Promise<EpayOrder | null | undefined>;
  /** Your postLink endpoint (`createEpayPostLinkHandler`), absolute http(s): where Halyk sends the result. */
  postLink: string;
  /** Where Halyk sends a failure's result. Default `postLink`: the page never chooses it. */
  failurePostLink?: string;
  /**
   * The secret each token's `secret_hash` is derived from (a fresh one per token); the postLink
   * handler checks it with the same secret. Keep it out of the page and the logs.
   */
  callbackSecret: string;
  /** Default `payment usermanagement`. */
  scope?: string;
  /** Larger bodies get 413. Default 8 KiB; the element's is under 100 bytes. */
  maxBodyBytes?: number;
  /** How long ePay's token request may take. Default 15 s. */
  timeoutMs?: number;
  /** Told when `resolveOrder` throws (500) or ePay gives no token (502). Default: `console.error`. */
  onError?(error: unknown, invoiceId: string): void;
}

/** What the element POSTs (CONTRACT.md: `auth-url`). */
const REQUEST_SHAPE = {
  invoiceId: id(/^\d{6,15}$/),
  amount: number({ min: 0 }),
  currency: text({ pattern: /^[A-Z]{3}$/ }),
};

const DEFAULT_MAX_BODY_BYTES = 8 * 1024;

function checkOrder(order: EpayOrder): void {
  if (!(typeof order.amount === 'number' && Number.isFinite(order.amount) && order.amount > 0)) throw new TypeError('resolveOrder: amount must be a number above 0');
  if (typeof order.currency !== 'string' || order.currency === '') throw new TypeError('resolveOrder: currency is missing');
}

/**
 * The endpoint for the element's `auth-url` (ePay provider): the browser POSTs
 * `{"invoiceId","amount","currency"}` as JSON, this asks Halyk for a token for that order and
 * answers the token object (200, `Cache-Control: no-store`), which the element passes to Halyk as
 * `auth`. Each token carries the shop's postLinks (never the page's) and a fresh `secret_hash`
 * derived from `callbackSecret`.
 *
 * The amount and currency charged are always the server's (`resolveOrder`); a browser that shows
 * another price gets 409 and no token. 404: no such order; 400: a body that is not the element's;
 * 405: not POST; 413: over `maxBodyBytes`; 415: not `application/json`; 502: Halyk gave no token
 * (the body says nothing more, and never the secret); 500: `resolveOrder` threw. Works as Express
 * middleware, with or without `express.json()` before it. Throws a TypeError at creation without a
 * `postLink` (absolute http(s)) or `callbackSecret`; the handler itself never throws.
 */
export function createEpayAuthHandler(options: EpayAuthHandlerOptions): RequestHandler {
  const resolveOrder = requireFunction(options.resolveOrder, 'createEpayAuthHandler: options.resolveOrder');
  const postLink = requireHttpUrl(options.postLink, 'createEpayAuthHandler: options.postLink').href;
  const failurePostLink =
    options.failurePostLink === undefined ? postLink : requireHttpUrl(options.failurePostLink, 'createEpayAuthHandler: options.failurePostLink').href;
  const key = hmacKey(requireText(options.callbackSecret, 'createEpayAuthHandler: options.callbackSecret'));
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('ktpay-checkout: issuing an ePay token failed', error));

  /** The answer to one request, from its body, whichever server form received it. */
  async function issue({ body, request }: Post): Promise<Reply> {
    const read = readBodyShape(body, REQUEST_SHAPE);
    if (!read.ok) return refusal(400, read.problems);
    const asked = read.value;

    let order: EpayOrder | null | undefined;
    try {
      order = await resolveOrder(asked.invoiceId, request);
      if (order) checkOrder(order);
    } catch (error) {
      onError(error, asked.invoiceId);
      return failure(500);
    }
    if (!order) return refusal(404, [{ field: 'invoiceId', message: 'is not an order that can be paid' }]);
    const conflicts = [
      ...(sameAmount(asked.amount, order.amount) ? [] : [{ field: 'amount', message: "is not the order's amount" }]),
      ...(asked.currency === order.currency ? [] : [{ field: 'currency', message: "is not the order's currency" }]),
    ];
    if (conflicts.length > 0) return refusal(409, conflicts);

    try {
      const token = await requestEpayToken({
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        terminal: options.terminal,
        ...(options.test !== undefined ? { test: options.test } : {}),
        ...(options.tokenUrl !== undefined ? { tokenUrl: options.tokenUrl } : {}),
        ...(options.scope !== undefined ? { scope: options.scope } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        invoiceId: asked.invoiceId,
        amount: order.amount,
        currency: order.currency,
        secretHash: await issueEpaySecretHash(await key, asked.invoiceId),
        postLink,
        failurePostLink,
      });
      return { status: 200, body: token };
    } catch (error) {
      onError(error, asked.invoiceId);
      // The error is logged where the merchant reads it; the buyer's browser learns only that.
      const problem = error instanceof EpayTokenError ? 'Halyk ePay did not issue a token' : 'no token';
      return refusal(error instanceof EpayTokenError ? 502 : 500, [{ field: '', message: problem }]);
    }
  }

  return createEndpoint({ what: 'ePay token requests', maxBodyBytes, jsonOnly: true }, issue);
}
