import { FailureError } from '../core/failure.js';
import { fetchText } from '../core/fetch-text.js';
import { readEpayToken, type EpayToken } from './token.js';

export interface EpayAuthOptions {
  /** The merchant's own endpoint (`auth-url`), e.g. `createEpayAuthHandler` of ktpay-checkout/server. */
  authUrl: URL;
  invoiceId: string;
  amount: number;
  currency: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Asks the merchant's server for a one-time ePay token for this order. The server holds the
 * client secret and decides the amount; the browser only names the order. The page's cookies go
 * along (the endpoint is the merchant's own, and may need the buyer's session).
 */
export async function requestEpayToken(options: EpayAuthOptions): Promise<EpayToken> {
  const { authUrl, invoiceId, amount, currency, timeoutMs, signal } = options;
  const { status, text } = await fetchText(
    authUrl,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ invoiceId, amount, currency }),
      credentials: 'same-origin',
    },
    { timeoutMs, signal },
  );
  if (status === 429) throw new FailureError({ source: 'network', reason: 'busy', status });
  if (status === 404) throw new FailureError({ source: 'auth', reason: 'unknown-order', status });
  if (status === 409) throw new FailureError({ source: 'auth', reason: 'amount', status });
  if (status >= 400) throw new FailureError({ source: 'auth', reason: 'http', status });
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  // The same shape the server half checks: the token object ePay issued, passed on whole.
  const token = readEpayToken(answer);
  if (!token) throw new FailureError({ source: 'auth', reason: 'bad-answer', status });
  return token;
}
