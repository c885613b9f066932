import { epayEndpoints } from '../epay/endpoints.js';
import { EPAY_PAYMENT_SCOPE, readEpayToken, type EpayToken } from '../epay/token.js';
import { isObject } from '../util/is-object.js';
import { EpayTokenError } from './epay-error.js';
import { callEpay, type EpayCallOptions } from './epay-fetch.js';

/** The merchant's ePay credentials (seed 003: issued at registration; server only). */
export interface EpayCredentials {
  clientId: string;
  /** Never leaves the server, and never appears in an error. */
  clientSecret: string;
  /** The shop's terminal id. */
  terminal: string;
}

/** Where the token comes from: Halyk's test or production host, or `tokenUrl` (a proxy, a stand-in). */
export interface EpayTokenHost {
  /** Halyk's test host instead of production. Default false. */
  test?: boolean;
  /** Overrides the host `test` chooses. */
  tokenUrl?: string;
}

/**
 * What a token is asked with. A token for a payment carries the payment (`invoiceId`, `amount`,
 * `currency`, the postLinks, `secretHash`); ePay pays only what it was issued for. A token for the
 * status API needs none of them, and a scope such as `webapi payment`.
 */
export interface EpayTokenOptions extends EpayCredentials, EpayTokenHost, EpayCallOptions {
  /** Default `payment usermanagement` (card payments); seed 003 uses `transfer` for P2P. */
  scope?: string;
  /** The order number: digits only, 6 to 15 of them (seed 003). */
  invoiceId?: string;
  amount?: number;
  currency?: string;
  postLink?: string;
  failurePostLink?: string;
  /** The shop's own random string for this payment; ePay returns it in the postLink as proof. */
  secretHash?: string;
}

/** ePay's OAuth error codes are short words; anything else is not repeated. */
const OAUTH_ERROR = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Asks Halyk ePay for a token (POST multipart/form-data, seed 003), on the merchant's server, which
 * alone holds `clientSecret`. Gives the whole answer, unknown fields kept, for the page to pass to
 * `payment-api.js` as `auth`. One token per operation (seed 003).
 *
 * Fails with an {@link EpayTokenError} (`reason`: network, timeout, aborted, http, bad-answer,
 * refused) that never holds the secret nor ePay's answer body; throws a TypeError for missing
 * credentials, so an unset environment variable is not sent as "undefined".
 */
export async function requestEpayToken(options: EpayTokenOptions): Promise<EpayToken> {
  const { clientId, clientSecret, terminal, scope = EPAY_PAYMENT_SCOPE } = options;
  for (const name of ['clientId', 'clientSecret', 'terminal'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') throw new TypeError(`requestEpayToken: options.${name} is missing or empty`);
  }
  if (options.amount !== undefined && !(Number.isFinite(options.amount) && options.amount > 0)) {
    throw new TypeError('requestEpayToken: options.amount must be a number above 0');
  }

  const form = new FormData();
  const fields: [string, string | number | undefined][] = [
    ['grant_type', 'client_credentials'],
    ['scope', scope],
    ['client_id', clientId],
    ['client_secret', clientSecret],
    ['terminal', terminal],
    ['secret_hash', options.secretHash],
    ['invoiceID', options.invoiceId],
    ['amount', options.amount],
    ['currency', options.currency],
    ['postLink', options.postLink],
    ['failurePostLink', options.failurePostLink],
  ];
  for (const [name, value] of fields) if (value !== undefined && value !== '') form.append(name, String(value));

  const url = options.tokenUrl ?? epayEndpoints(options.test ?? false).token;
  const fail = (message: string, details: ConstructorParameters<typeof EpayTokenError>[1]) => new EpayTokenError(message, details);
  const { status, json } = await callEpay(url, { method: 'POST', body: form }, options, "ePay's token request", fail);

  const ok = status >= 200 && status < 300;
  const token = ok ? readEpayToken(json) : undefined;
  if (token) return token;
  // An OAuth error ({"error":"invalid_client",…}): its code is kept where it is a plain word and
  // not the secret; its description, which could repeat the request, is not.
  const error = isObject(json) ? json.error : undefined;
  if (typeof error === 'string' && OAUTH_ERROR.test(error) && !error.includes(clientSecret)) {
    throw fail(`ePay refused the token request: ${error} (HTTP ${status})`, { reason: 'refused', status, code: error });
  }
  if (!ok) throw fail(`ePay answered the token request with HTTP ${status}`, { reason: 'http', status });
  throw fail('ePay answered the token request with something that is not a token', { reason: 'bad-answer', status });
}
