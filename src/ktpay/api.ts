import { FailureError, type Failure } from '../checkout/failure.js';
import { parseHttpUrl } from '../params/url.js';
import { isObject } from '../util/is-object.js';
import type { KtpayEndpoints } from './endpoints.js';

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
  const badAnswer: Failure = { source: 'network', reason: 'bad-answer' };
  if (!isObject(answer)) return badAnswer;
  const envelope = isObject(answer.response) ? answer.response : answer;
  const error = [envelope.error, answer.error].find(isObject);
  if (envelope.success !== true || error) return error ? readError(error) : badAnswer;

  const data = [envelope.data, envelope.payload].find(isObject);
  if (!data) return badAnswer;
  const transactionHash = stringOrUndefined(data.transaction_hash);
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
 * POSTs the sealed order. The timeout covers the whole exchange, reading the body included, so a
 * server that stalls after its headers still ends the wait.
 */
export async function createPayment(options: CreatePaymentOptions): Promise<PaymentPage> {
  const { endpoints, appId, body, timeoutMs, signal } = options;
  const deadline = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, deadline]);
  let status: number;
  let text: string;
  try {
    const response = await fetch(endpoints.api, {
      method: 'POST',
      headers: { 'Auth-Identifier': appId, 'Content-Type': 'text/plain' },
      body,
      signal: both,
      credentials: 'omit',
      cache: 'no-store',
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (deadline.aborted) throw new FailureError({ source: 'network', reason: 'timeout' });
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new FailureError({ source: 'network', reason: offline ? 'offline' : 'unreachable' });
  }

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
  if ('url' in page) return page;
  // JSON without KTPay's envelope on an error status (a proxy's error page, say) is the network's.
  if (page.source === 'network' && status >= 400) throw new FailureError({ source: 'network', reason: 'http', status });
  throw new FailureError(page);
}
