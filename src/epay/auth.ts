import { FailureError } from '../core/failure.js';
import { postToMerchant } from '../core/merchant-endpoint.js';
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
 * client secret and decides the amount; the browser only names the order.
 */
export async function requestEpayToken(options: EpayAuthOptions): Promise<EpayToken> {
  const { authUrl, invoiceId, amount, currency, timeoutMs, signal } = options;
  const { status, answer } = await postToMerchant(authUrl, { invoiceId, amount, currency }, { timeoutMs, signal });
  // The same shape the server half checks: the token object ePay issued, passed on whole.
  const token = readEpayToken(answer);
  if (!token) throw new FailureError({ source: 'auth', reason: 'bad-answer', status });
  return token;
}
