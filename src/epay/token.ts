// Halyk ePay's OAuth token answer (seed 003), as the merchant's server receives it and the browser
// passes it on, whole, to `payment-api.js` as `auth`.
import { isObject } from '../util/is-object.js';

/**
 * The token answer (seed 003). Fields Halyk adds are kept verbatim: the page passes the whole object
 * to Halyk as `auth`, so nothing of it may be dropped or rewritten on the way.
 */
export interface EpayToken {
  access_token: string;
  /** Seconds; seed 003 shows 7200. */
  expires_in: number;
  /** "Not used with this grant" (seed 003): "" in practice. */
  refresh_token?: string;
  scope?: string;
  /** "Bearer". */
  token_type: string;
  [field: string]: unknown;
}

/**
 * The scope asked for a card payment when none is given: what the public card-payment plugins
 * send. Seed 003 asks `transfer` for P2P; the status API needs one such as `webapi payment`.
 */
export const EPAY_PAYMENT_SCOPE = 'payment usermanagement';

/**
 * `answer` as a token, or undefined when it is not one. Required: a non-empty `access_token`, a
 * numeric `expires_in` and a `token_type`; `refresh_token` and `scope` are strings where present
 * (seed 003 says the first is unused, so an answer without it is still a token).
 */
export function readEpayToken(answer: unknown): EpayToken | undefined {
  if (!isObject(answer)) return undefined;
  const { access_token, expires_in, token_type, refresh_token, scope } = answer;
  if (typeof access_token !== 'string' || access_token === '') return undefined;
  if (typeof expires_in !== 'number' || !Number.isFinite(expires_in)) return undefined;
  if (typeof token_type !== 'string') return undefined;
  if (refresh_token !== undefined && typeof refresh_token !== 'string') return undefined;
  if (scope !== undefined && typeof scope !== 'string') return undefined;
  return answer as EpayToken;
}

/** The scope of a token for Halyk's status API (`getEpayStatus`), as the public integrations ask it. */
export const EPAY_STATUS_SCOPE = 'webapi payment';
