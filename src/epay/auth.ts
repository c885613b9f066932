import { FailureError } from '../core/failure.js';
import { fetchText } from '../core/fetch-text.js';
import { isObject } from '../util/is-object.js';

/** The token object ePay issued to the merchant's server, passed on to Halyk's script verbatim. */
export type EpayToken = Record<string, unknown> & { access_token: string };

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
  let token: unknown;
  try {
    token = JSON.parse(text);
  } catch {
    token = undefined;
  }
  if (!isObject(token) || typeof token.access_token !== 'string' || token.access_token.trim() === '') {
    throw new FailureError({ source: 'auth', reason: 'bad-answer', status });
  }
  return token as EpayToken;
}
