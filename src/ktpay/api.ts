import { ACQUIRER_PAGE_ORIGINS } from '../core/acquirer-origins.js';
import { FailureError, type Failure } from '../core/failure.js';
import { fetchText } from '../core/fetch-text.js';
import { parseHttpUrl } from '../params/url.js';
import { isObject } from '../util/is-object.js';
import { transactionResource, type KtpayEndpoints } from './endpoints.js';
import { isTransactionHash } from './transaction-hash.js';

/** The payment page KTPay created for this order. */
export interface PaymentPage {
  url: URL;
  transactionHash?: string;
}

const stringOrUndefined = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** KTPay spells its error text `message` (seed 001) or `messages: { error }` (seed 000). */
function firstText(value: unknown): string | undefined {
  if (typeof value === 'string') return stringOrUndefined(value);
  if (Array.isArray(value)) return value.map(firstText).find(Boolean);
  if (isObject(value)) return Object.values(value).map(firstText).find(Boolean);
  return undefined;
}

function readValidation(value: unknown): Record<string, string[]> | undefined {
  if (!isObject(value)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string');
    if (list.length > 0) fields[field] = list;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function readError(error: Record<string, unknown>): Failure {
  const code = Number(error.code);
  const failure: Failure = { source: 'api', code: Number.isInteger(code) ? code : null };
  const serverMessage = firstText(error.message) ?? firstText(error.messages);
  const serverHint = firstText(error.hint);
  const validation = readValidation(error.validation);
  if (serverMessage) failure.serverMessage = serverMessage;
  if (serverHint) failure.serverHint = serverHint;
  if (validation) failure.validation = validation;
  return failure;
}

/**
 * Reads both answer shapes: the published service's `{ error: [], response: { success, data } }`
 * and seed 001's `{ success, payload }`, and the error envelope at either level.
 */
export function interpretAnswer(answer: unknown, widgetBase: URL): PaymentPage | Failure {
  const read = readEnvelope(answer);
  return 'data' in read ? pageOf(read.data, widgetBase) : read;
}

/**
 * The `data` of a successful answer, whichever envelope carries it, or why there is none: KTPay's
 * error (at either level), else a bad answer.
 */
function readEnvelope(answer: unknown): { data: Record<string, unknown> } | Failure {
  const badAnswer: Failure = { source: 'network', reason: 'bad-answer' };
  if (!isObject(answer)) return badAnswer;
  const envelope = isObject(answer.response) ? answer.response : answer;
  const error = [envelope.error, answer.error].find(isObject);
  if (envelope.success !== true || error) return error ? readError(error) : badAnswer;
  const data = [envelope.data, envelope.payload].find(isObject);
  return data ? { data } : badAnswer;
}

function pageOf(data: Record<string, unknown>, widgetBase: URL): PaymentPage | Failure {
  const badAnswer: Failure = { source: 'network', reason: 'bad-answer' };
  // A hash that is there must be of the hash's shape (transaction-hash.ts), page URL or not.
  const transactionHash = data.transaction_hash ?? undefined;
  if (transactionHash !== undefined && !isTransactionHash(transactionHash)) return badAnswer;
  const given = data.payment_page ?? data.url;
  if (given !== undefined) {
    const url = parseHttpUrl(given);
    if (!url) return badAnswer;
    return transactionHash ? { url, transactionHash } : { url };
  }
  if (!transactionHash) return badAnswer;
  const url = new URL(widgetBase);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/payment-card`;
  url.search = '';
  url.hash = '';
  url.searchParams.set('hash', transactionHash);
  url.searchParams.set('show_close_button', String(data.show_close_button !== false));
  return { url, transactionHash };
}

export interface CreatePaymentOptions {
  endpoints: KtpayEndpoints;
  appId: string;
  /** The sealed request, base64. */
  body: string;
  timeoutMs: number;
  /** Aborted when the attempt ends (modal closed, element removed). */
  signal: AbortSignal;
}

/**
 * POSTs the sealed order. The timeout covers the whole exchange, reading the body included
 * (`fetchText`): a server that stalls after its headers still ends the wait.
 */
export async function createPayment(options: CreatePaymentOptions): Promise<PaymentPage> {
  const { endpoints, appId, body, timeoutMs, signal } = options;
  const { status, text } = await fetchText(
    endpoints.api,
    { method: 'POST', headers: { 'Auth-Identifier': appId, 'Content-Type': 'text/plain' }, body, credentials: 'omit' },
    { timeoutMs, signal },
  );

  // Told to slow down: say so, whatever the body (Try again stays, the same order).
  if (status === 429) throw new FailureError({ source: 'network', reason: 'busy', status });
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new FailureError(
      status >= 400 ? { source: 'network', reason: 'http', status } : { source: 'network', reason: 'bad-answer' },
    );
  }
  const page = interpretAnswer(answer, endpoints.widget);
  if ('url' in page) {
    // The page becomes the trusted sender of outcomes and a place the buyer may be sent: it must be
    // on the widget's origin (KTPay's, https, for the mode; or widget-url's), whatever the answer says.
    if (page.url.origin !== endpoints.widget.origin) throw new FailureError({ source: 'api', code: null, pageOrigin: page.url.origin });
    return page;
  }
  // JSON without KTPay's envelope on an error status (a proxy's error page, say) is the network's.
  if (page.source === 'network' && status >= 400) throw new FailureError({ source: 'network', reason: 'http', status });
  throw new FailureError(page);
}

export interface AcquirerPageOptions {
  endpoints: KtpayEndpoints;
  appId: string;
  transactionHash: string;
  timeoutMs: number;
  /** Aborted when the attempt ends. */
  signal: AbortSignal;
}

/**
 * The acquirer's own payment page for a transaction (`{hash}/acquirer-options`, KTPay's mobile API
 * note), for when KTPay's framed page cannot work (third-party cookies blocked, framing refused).
 * Undefined whenever KTPay gives none, for whatever reason: the caller then offers KTPay's page.
 * The buyer is sent there with the card still to enter, so it must be on an acquirer's origin
 * (Halyk ePay's form) or on the widget's own, pinned one (where the sandbox's stands in).
 */
export async function fetchAcquirerPage(options: AcquirerPageOptions): Promise<URL | undefined> {
  const { endpoints, appId, transactionHash, timeoutMs, signal } = options;
  try {
    const { status, text } = await fetchText(
      transactionResource(endpoints.api, transactionHash, 'acquirer-options'),
      { headers: { 'Auth-Identifier': appId }, credentials: 'omit' },
      { timeoutMs, signal },
    );
    if (status < 200 || status > 299) return undefined;
    const answer = readEnvelope(JSON.parse(text));
    const url = 'data' in answer ? parseHttpUrl(answer.data.payment_page) : undefined;
    const allowed = url && (ACQUIRER_PAGE_ORIGINS.includes(url.origin) || url.origin === endpoints.widget.origin);
    return allowed ? url : undefined;
  } catch {
    return undefined;
  }
}
