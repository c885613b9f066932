import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { messagesOf } from '../i18n/translator.js';
import type { KtpayRequest } from '../ktpay/request.js';
import { randomHex } from '../util/random-hex.js';
import type { CardOutcome } from './cards.js';
import { deliverCallback, ktpayDateTime, sandboxCallback, type CallbackAttempt } from './callback-delivery.js';
import { SANDBOX_WIDGET_URL } from './config.js';
import { createEpaySandboxHandlers, type EpaySandboxOptions } from './epay/handlers.js';
import { SANDBOX_APP_ID, SANDBOX_APP_KEY, SANDBOX_SECRET_KEY } from './keys.js';
import { receiptPdf } from './receipt-pdf.js';
import { sandboxSodium } from './sodium.js';
import { createSealUrlHandler, type SandboxSealOptions } from './seal-url.js';
import { validateKtpayRequest } from './validate.js';

/** How the sandbox page reports: the structured message, or the published page's URL strings. */
export type PageProtocol = 'structured' | 'published';

export interface SandboxOptions {
  /** The API URL to stand in for (a path matches on any origin). Default: the sandbox's. */
  apiUrl?: string;
  /** Milliseconds before each answer, so the loading steps can be seen. Default 400. */
  delayMs?: number;
  /** The protocol the sandbox payment page speaks. Default `structured`. */
  pageProtocol?: PageProtocol;
  /**
   * How much faster than KTPay the sandbox runs its callback retry schedule. Default
   * {@link SANDBOX_CALLBACK_TIME_SCALE} (1/60: KTPay's minutes become seconds).
   */
  callbackTimeScale?: number;
  /** Told of every attempt to deliver a callback to `callback-post-url`. */
  onCallback?: (attempt: CallbackAttempt) => void;
  /**
   * Where the sandbox payment page is served (`<widget-url>/payment-card`), for the acquirer's own
   * page that `acquirer-options` names. Default: the sandbox's, on the request's origin.
   */
  widgetUrl?: string;
  /**
   * The ePay sandbox beside KTPay's (its delay is `delayMs` unless given here). `false` leaves
   * Halyk's side to a server of yours running `createEpaySandboxHandlers` (the demo's does), which
   * can then confirm the results it records through its own status API, as ePay's would.
   */
  epay?: EpaySandboxOptions | false;
  /** The merchant's `seal-url` stand-in (its delay is `delayMs` unless given here). */
  seal?: SandboxSealOptions;
}

/** A transaction the sandbox created, as its payment page reads it. */
export interface SandboxTransaction {
  transactionHash: string;
  order: KtpayRequest['order'];
  user?: KtpayRequest['user'];
  pageProtocol: PageProtocol;
  /** When the sandbox created it, as KTPay writes dates. */
  createdAt: string;
  status: 'pending' | 'completed' | 'error';
  /** When the payment page reported the result. */
  statusAt?: string;
  /** The acquirer's code, its error type and words, for a failure. */
  code?: string;
  errorType?: Extract<CardOutcome, { status: 'error' }>['errorType'];
  message?: string;
}

const DEFAULT_API_PATH = '*/sandbox/api/v1/merchant-widget/payment';

/**
 * KTPay's error envelope (seed 000 spells `messages`, seed 001 adds `validation`), in KTPay's
 * Russian words, which are the catalog's.
 */
function ktpayError(status: number, code: number, validation?: Record<string, string[]>) {
  const { message, hint } = messagesOf().apiErrors[code]!;
  return HttpResponse.json(
    { success: false, data: [], error: { code, messages: { error: message }, hint, ...(validation ? { validation } : {}) } },
    { status },
  );
}

const unknownTransaction = () => HttpResponse.json({ error: 'unknown transaction' }, { status: 404 });

function openSealed(sodium: Awaited<ReturnType<typeof sandboxSodium>>, body: string): unknown {
  const variants = sodium.base64_variants;
  const keyOf = (b64: string) => sodium.from_base64(b64, variants.ORIGINAL);
  const sealed = sodium.from_base64(body.trim(), variants.ORIGINAL);
  const opened = sodium.crypto_box_seal_open(sealed, keyOf(SANDBOX_APP_KEY), keyOf(SANDBOX_SECRET_KEY));
  return JSON.parse(sodium.to_string(opened));
}

/**
 * MSW handlers that stand in for KTPay: they really open the sealed body with the sandbox's
 * published key pair, validate like KTPay (4010103 unknown app id, 4220101 a body that does not
 * open, 4220002 with a `validation` object), and answer as the published service does.
 * Two more routes serve the sandbox payment page: reading a transaction and recording its result.
 * And two of KTPay's mobile API note: `{hash}/acquirer-options` names the acquirer's own page (the
 * sandbox page, playing Halyk's), `{hash}/pdf` is the receipt of a paid transaction. Beside them,
 * the merchant's `seal-url` (seal-url.ts) and Halyk ePay's side (epay/handlers.ts).
 */
export function createSandboxHandlers(options: SandboxOptions = {}): HttpHandler[] {
  const { delayMs = 400, pageProtocol = 'structured', callbackTimeScale, onCallback, widgetUrl = SANDBOX_WIDGET_URL } = options;
  const apiPath = options.apiUrl ?? DEFAULT_API_PATH;
  const base = apiPath.replace(/\/payment\/?$/, '');
  const transactions = new Map<string, SandboxTransaction>();

  return [
    http.post(apiPath, async ({ request }) => {
      await delay(delayMs);
      if (request.headers.get('Auth-Identifier') !== SANDBOX_APP_ID) {
        return ktpayError(401, 4010103);
      }
      const sodium = await sandboxSodium();
      let opened: unknown;
      try {
        opened = openSealed(sodium, await request.text());
      } catch {
        return ktpayError(422, 4220101);
      }
      const validation = validateKtpayRequest(opened);
      const ktpayRequest = opened as KtpayRequest;
      const orderId = ktpayRequest.order?.order_id;
      if (Object.keys(validation).length === 0 && [...transactions.values()].some((t) => t.order.order_id === orderId && t.status === 'completed')) {
        validation['order.order_id'] = ['This order has already been paid.'];
      }
      if (Object.keys(validation).length > 0) {
        return ktpayError(422, 4220002, validation);
      }
      const transactionHash = randomHex(20);
      transactions.set(transactionHash, {
        transactionHash,
        order: ktpayRequest.order,
        ...(ktpayRequest.user ? { user: ktpayRequest.user } : {}),
        pageProtocol,
        createdAt: ktpayDateTime(new Date()),
        status: 'pending',
      });
      return HttpResponse.json({
        error: [],
        response: {
          success: true,
          data: { transaction_hash: transactionHash, show_close_button: ktpayRequest.order.show_close_button !== false },
        },
      });
    }),

    http.get(`${apiPath}/:hash/acquirer-options`, async ({ params, request }) => {
      await delay(Math.min(delayMs, 200));
      if (request.headers.get('Auth-Identifier') !== SANDBOX_APP_ID) return ktpayError(401, 4010103);
      const hash = String(params.hash);
      if (!transactions.has(hash)) return unknownTransaction();
      const page = new URL(`${widgetUrl.replace(/\/$/, '')}/payment-card`, request.url);
      page.search = new URLSearchParams({ hash, acquirer: 'halyk' }).toString();
      return HttpResponse.json({ error: [], response: { success: true, data: { payment_page: page.href } } });
    }),

    http.get(`${apiPath}/:hash/pdf`, ({ params }) => {
      const transaction = transactions.get(String(params.hash));
      if (transaction?.status !== 'completed') return unknownTransaction();
      const { transactionHash, order, statusAt } = transaction;
      const pdf = receiptPdf({ transactionHash, orderId: String(order.order_id), amount: order.amount, status: 'completed', ...(statusAt ? { statusAt } : {}) });
      return new HttpResponse(pdf, {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="payment-${transactionHash.slice(0, 12)}.pdf"`,
        },
      });
    }),

    http.get(`${base}/transactions/:hash`, async ({ params }) => {
      await delay(Math.min(delayMs, 200));
      const transaction = transactions.get(String(params.hash));
      return transaction ? HttpResponse.json(transaction) : unknownTransaction();
    }),

    http.post(`${base}/transactions/:hash/result`, async ({ params, request }) => {
      const transaction = transactions.get(String(params.hash));
      if (!transaction) return unknownTransaction();
      // A final status is final: the page reports once.
      if (transaction.status !== 'pending') return HttpResponse.json({ error: 'already final' }, { status: 409 });
      const result = (await request.json()) as CardOutcome; // what the sandbox payment page decided
      transaction.status = result.status === 'completed' ? 'completed' : 'error';
      transaction.statusAt = ktpayDateTime(new Date());
      if (result.status === 'error') Object.assign(transaction, { code: result.code, errorType: result.errorType, message: result.message });
      // KTPay notifies the merchant's server on its own, whatever the buyer's page does next.
      const url = transaction.order.callback_post_url;
      if (url) {
        void deliverCallback(url, sandboxCallback(transaction), {
          ...(callbackTimeScale !== undefined ? { timeScale: callbackTimeScale } : {}),
          ...(onCallback ? { onAttempt: onCallback } : {}),
        });
      }
      return HttpResponse.json({ status: 'ok' });
    }),
    createSealUrlHandler({ delayMs, ...options.seal }),
    ...(options.epay === false ? [] : createEpaySandboxHandlers({ delayMs, ...options.epay })),
  ];
}
