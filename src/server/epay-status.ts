import { epayEndpoints } from '../epay/endpoints.js';
import { readEpayStatus, type EpayStatus } from '../epay/status.js';
import type { EpayToken } from '../epay/token.js';
import { EpayStatusError } from './epay-error.js';
import { callEpay, type EpayCallOptions } from './epay-fetch.js';

/** What a status question needs: a token with a status scope, the invoice, and the host. */
export interface EpayStatusOptions extends EpayCallOptions {
  /**
   * A token with a status scope (`requestEpayToken({ …, scope: 'webapi payment' })`): the
   * `access_token` string or the whole token object.
   */
  token: string | EpayToken;
  invoiceId: string;
  /** Halyk's test API instead of production. Default false. */
  test?: boolean;
  /** Overrides the API base `test` chooses (`…/check-status/…` is appended). */
  apiUrl?: string;
  /** Where given, an answer about another terminal's transaction is refused (`bad-answer`). */
  terminal?: string;
}

/**
 * Asks Halyk ePay what became of a payment (GET `{api}/check-status/payment/transaction/{invoiceId}`):
 * the way to confirm a postLink before shipping, and to learn the result of one that never came.
 * Gives ePay's answer with its `outcome`: `paid` (statusName CHARGE or AUTH, see
 * `EPAY_STATUS_NAMES`), `failed`, `pending` (ask again later) or `not-found` (resultCode 102: no
 * such payment, or the buyer has not paid yet).
 *
 * Fails with an {@link EpayStatusError}: reason `refused` with `code` = the resultCode where ePay
 * answered but not about the payment (103 error, 104/106/109 the terminal), or network, timeout,
 * aborted, http, bad-answer (also for a transaction that does not name `invoiceId`). A failure
 * never means the payment failed.
 */
export async function getEpayStatus(options: EpayStatusOptions): Promise<EpayStatus> {
  const { token, invoiceId, terminal } = options;
  const accessToken = typeof token === 'string' ? token : token?.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') throw new TypeError('getEpayStatus: options.token is missing or empty');
  if (typeof invoiceId !== 'string' || invoiceId === '') throw new TypeError('getEpayStatus: options.invoiceId is missing or empty');

  const base = (options.apiUrl ?? epayEndpoints(options.test ?? false).api).replace(/\/+$/, '');
  const url = `${base}/check-status/payment/transaction/${encodeURIComponent(invoiceId)}`;
  const fail = (message: string, details: ConstructorParameters<typeof EpayStatusError>[1]) => new EpayStatusError(message, details);
  const init = { method: 'GET', headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } };
  const { status, json } = await callEpay(url, init, options, "ePay's status request", fail);

  // ePay explains some answers with an HTTP error status too (public clients read 400's body): a
  // body with a resultCode is read whatever the status.
  const hasResultCode = typeof json === 'object' && json !== null && 'resultCode' in json;
  if (!hasResultCode) {
    if (status < 200 || status >= 300) throw fail(`ePay answered the status request with HTTP ${status}`, { reason: 'http', status });
    throw fail('ePay answered the status request without a resultCode', { reason: 'bad-answer', status });
  }
  const read = readEpayStatus(json);
  if (!read.ok) {
    if (read.reason === 'refused') {
      throw fail(`ePay could not say: resultCode ${read.resultCode} ${read.resultMessage}`.trim(), { reason: 'refused', status, code: read.resultCode });
    }
    throw fail(`ePay's status answer ${read.problem}`, { reason: 'bad-answer', status });
  }
  const transaction = read.status.transaction;
  // A transaction that does not name this invoice is not proven to be its payment.
  if (transaction && transaction.invoiceID !== invoiceId) {
    throw fail("ePay's status answer does not name this invoice", { reason: 'bad-answer', status });
  }
  if (terminal !== undefined && transaction && typeof transaction.terminal === 'string' && transaction.terminal !== terminal) {
    throw fail("ePay's status answer is about another terminal's transaction", { reason: 'bad-answer', status });
  }
  return read.status;
}
