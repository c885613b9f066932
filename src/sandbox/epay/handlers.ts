import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { EPAY_ENDPOINTS } from '../../epay/endpoints.js';
import { isObject } from '../../util/is-object.js';
import { randomHex } from '../../util/random-hex.js';
import {
  SANDBOX_EPAY_API_URL,
  SANDBOX_EPAY_AUTH_URL,
  SANDBOX_EPAY_CLIENT_ID,
  SANDBOX_EPAY_CLIENT_SECRET,
  SANDBOX_EPAY_PAY_URL,
  SANDBOX_EPAY_SECRET_HASH,
  SANDBOX_EPAY_TERMINAL,
  SANDBOX_EPAY_TOKEN_URL,
} from './config.js';

/** One delivery of a postLink, as the sandbox reports it. */
export interface PostLinkAttempt {
  url: string;
  body: Record<string, unknown>;
  /** The HTTP status of the answer; 0 when there was none. */
  httpStatus: number;
}

export interface EpaySandboxOptions {
  /** Milliseconds each answer waits, as a real network would. */
  delayMs?: number;
  /** The merchant's orders, as `resolveOrder` of createEpayAuthHandler sees them; by default any amount the browser names. */
  resolveOrder?: (invoiceId: string) => { amount: number; currency?: string } | undefined;
  /** Told of each postLink delivery. */
  onPostLink?: (attempt: PostLinkAttempt) => void;
}

/** A payment the sandbox form recorded, as the status API reads it. */
interface EpaySandboxTransaction {
  id: string;
  invoiceId: string;
  amount: number;
  currency: string;
  reasonCode: number;
  cardMask: string;
  dateTime: string;
}

interface IssuedToken {
  invoiceId: string;
  amount: number;
  currency: string;
  secretHash: string;
  postLink?: string;
  failurePostLink?: string;
}

/**
 * Sandbox tokens carry the order they were issued for (and its `secret_hash`), so that the sandbox
 * on the merchant's server (the demo's backend, under msw/node) and the one in the buyer's page
 * (the form's record, under the service worker) share no state. Real ePay tokens are opaque.
 */
const SANDBOX_TOKEN = 'SANDBOX';

function tokenObject(order: IssuedToken, scope: string) {
  const payload = btoa(encodeURIComponent(JSON.stringify(order)));
  return { access_token: `${SANDBOX_TOKEN}.${payload}.${randomHex(8)}`, expires_in: 1200, refresh_token: '', scope, token_type: 'Bearer' };
}

function issuedFor(accessToken: string): IssuedToken | undefined {
  const [kind, payload] = accessToken.split('.');
  if (kind !== SANDBOX_TOKEN || !payload) return undefined;
  try {
    const order: unknown = JSON.parse(decodeURIComponent(atob(payload)));
    return isObject(order) && typeof order.invoiceId === 'string' && typeof order.amount === 'number' ? (order as unknown as IssuedToken) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * MSW handlers that stand in for Halyk ePay and for the merchant's side of it: Halyk's token
 * endpoint (test host; client `sandbox` / `sandbox-client-secret`, form fields checked as seed 003
 * lists them), the merchant's `auth-url` (what createEpayAuthHandler answers, with the server's
 * amount when `resolveOrder` is given), the payment form's record of the buyer's card (which then
 * delivers the postLink with the token's `secret_hash`), and the status API.
 */
export function createEpaySandboxHandlers(options: EpaySandboxOptions = {}): HttpHandler[] {
  const { delayMs = 300, resolveOrder, onPostLink } = options;
  /** Tokens already used: one token, one operation (seed 003). */
  const used = new Set<string>();
  const transactions = new Map<string, EpaySandboxTransaction>();

  const issue = (order: IssuedToken, scope = 'payment usermanagement') => tokenObject(order, scope);

  const statusAnswer = ({ params, request }: { params: Record<string, unknown>; request: Request }) => {
    const bearer = request.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!issuedFor(bearer)) return HttpResponse.json({ error: 'invalid_token' }, { status: 401 });
    const transaction = transactions.get(String(params.invoiceId));
    if (!transaction) return HttpResponse.json({ resultCode: '102', resultMessage: 'Transaction not found' });
    const paid = transaction.reasonCode === 0;
    return HttpResponse.json({
      resultCode: '100',
      resultMessage: 'Found',
      transaction: {
        id: transaction.id,
        invoiceID: transaction.invoiceId,
        amount: transaction.amount,
        currency: transaction.currency,
        terminal: SANDBOX_EPAY_TERMINAL,
        cardMask: transaction.cardMask,
        statusName: paid ? 'CHARGE' : 'REJECT',
        reasonCode: String(transaction.reasonCode),
        reason: paid ? 'success' : 'declined',
        createdDate: transaction.dateTime,
      },
    });
  };

  return [
    // Halyk's token endpoint, for a merchant's server tested against the sandbox.
    ...[EPAY_ENDPOINTS.test.token, `*${SANDBOX_EPAY_TOKEN_URL}`].map((url) => http.post(url, async ({ request }) => {
      await delay(delayMs);
      const form = await request.formData().catch(() => undefined);
      const field = (name: string) => (typeof form?.get(name) === 'string' ? String(form.get(name)) : '');
      if (field('grant_type') !== 'client_credentials' || field('client_id') !== SANDBOX_EPAY_CLIENT_ID || field('client_secret') !== SANDBOX_EPAY_CLIENT_SECRET) {
        return HttpResponse.json({ code: 400, message: 'invalid client' }, { status: 401 });
      }
      if (field('terminal') !== SANDBOX_EPAY_TERMINAL) return HttpResponse.json({ code: 400, message: 'invalid terminal' }, { status: 400 });
      const postLink = field('postLink');
      const failurePostLink = field('failurePostLink');
      return HttpResponse.json(
        issue(
          {
            invoiceId: field('invoiceID'),
            amount: Number(field('amount')),
            currency: field('currency') || 'KZT',
            secretHash: field('secret_hash'),
            ...(postLink ? { postLink } : {}),
            ...(failurePostLink ? { failurePostLink } : {}),
          },
          field('scope') || 'payment usermanagement',
        ),
      );
    })),

    // The merchant's auth-url, as createEpayAuthHandler answers it.
    http.post(`*${SANDBOX_EPAY_AUTH_URL}`, async ({ request }) => {
      await delay(delayMs);
      const asked: unknown = await request.json().catch(() => undefined);
      if (!isObject(asked) || typeof asked.invoiceId !== 'string' || !/^\d{6,15}$/.test(asked.invoiceId)) {
        return HttpResponse.json({ error: 'bad request' }, { status: 400 });
      }
      const order = resolveOrder ? resolveOrder(asked.invoiceId) : { amount: Number(asked.amount), currency: String(asked.currency ?? 'KZT') };
      if (!order) return HttpResponse.json({ error: 'unknown order' }, { status: 404 });
      const currency = order.currency ?? 'KZT';
      if (Number(asked.amount) !== order.amount || (asked.currency ?? 'KZT') !== currency) {
        return HttpResponse.json({ error: 'amount differs from the order' }, { status: 409 });
      }
      return HttpResponse.json(issue({ invoiceId: asked.invoiceId, amount: order.amount, currency, secretHash: SANDBOX_EPAY_SECRET_HASH }));
    }),

    // The sandbox form records the buyer's card and delivers the postLink, as ePay would.
    http.post(`*${SANDBOX_EPAY_PAY_URL}`, async ({ request }) => {
      await delay(Math.min(delayMs, 200));
      const body: unknown = await request.json().catch(() => undefined);
      if (!isObject(body) || !isObject(body.payment) || typeof body.reasonCode !== 'number') return HttpResponse.json({ error: 'bad request' }, { status: 400 });
      const payment = body.payment;
      const auth = isObject(payment.auth) ? payment.auth : {};
      const accessToken = String(auth.access_token ?? '');
      const issued = issuedFor(accessToken);
      // ePay refuses a form whose token is not its own, used, or issued for another order or amount.
      if (!issued || used.has(accessToken) || issued.invoiceId !== String(payment.invoiceId) || issued.amount !== Number(payment.amount)) {
        return HttpResponse.json({ success: false, reasonCode: 464 }, { status: 403 });
      }
      used.add(accessToken);
      const transaction: EpaySandboxTransaction = {
        id: crypto.randomUUID(),
        invoiceId: issued.invoiceId,
        amount: issued.amount,
        currency: issued.currency,
        reasonCode: body.reasonCode,
        cardMask: typeof body.cardMask === 'string' ? body.cardMask : '',
        dateTime: new Date().toISOString(),
      };
      transactions.set(transaction.invoiceId, transaction);
      const success = transaction.reasonCode === 0;
      const text = (key: string) => (typeof payment[key] === 'string' ? (payment[key] as string) : '');
      const postLink = success ? issued.postLink ?? text('postLink') : issued.failurePostLink ?? (text('failurePostLink') || issued.postLink || text('postLink'));
      if (postLink) {
        const postBody = {
          id: transaction.id,
          dateTime: transaction.dateTime,
          invoiceId: transaction.invoiceId,
          amount: transaction.amount,
          currency: transaction.currency,
          terminal: SANDBOX_EPAY_TERMINAL,
          accountId: text('accountId'),
          description: text('description'),
          language: text('language').toUpperCase(),
          cardMask: transaction.cardMask,
          cardType: 'VISA',
          issuer: 'SANDBOX BANK',
          reference: success ? randomHex(6) : '',
          approvalCode: success ? randomHex(3) : '',
          secure: 'yes',
          code: success ? 'ok' : 'error',
          reason: success ? 'success' : `sandbox reason ${transaction.reasonCode}`,
          reasonCode: transaction.reasonCode,
          name: 'TEST BUYER',
          email: text('email'),
          phone: text('phone'),
          ip: '127.0.0.1',
          secret_hash: issued.secretHash,
        };
        // Delivered from the page the sandbox runs in: the endpoint must be on its origin or allow it by CORS.
        void fetch(postLink, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(postBody), credentials: 'omit' })
          .then((response) => response.status, () => 0)
          .then((httpStatus) => onPostLink?.({ url: postLink, body: postBody, httpStatus }));
      }
      return HttpResponse.json({ success, reasonCode: transaction.reasonCode });
    }),

    http.get(`*${SANDBOX_EPAY_API_URL}/check-status/payment/transaction/:invoiceId`, statusAnswer),
    http.get(`${EPAY_ENDPOINTS.test.api}/check-status/payment/transaction/:invoiceId`, statusAnswer),
  ];
}
