import type { Connection } from './connection.js';
import { parseHttpUrl } from '../params/url.js';
import { isTransactionHash } from './transaction-hash.js';

/** KTPay's published endpoints (ktwidget-client-js); seed 001 names an older test host. */
export const KTPAY_ENDPOINTS = {
  test: {
    api: 'https://fintech.test.nplus.tech/api/v1/merchant-widget/payment',
    widget: 'https://widget.test.nplus.tech',
  },
  production: {
    api: 'https://fintech.nplus.tech/api/v1/merchant-widget/payment',
    widget: 'https://widget.nplus.tech',
  },
} as const;

export interface KtpayEndpoints {
  api: URL;
  widget: URL;
}

/** `api-url` and `widget-url` override the endpoints `test-mode` picks. */
export function ktpayEndpoints(connection: Connection): KtpayEndpoints {
  const defaults = KTPAY_ENDPOINTS[connection.testMode ? 'test' : 'production'];
  return {
    api: connection.apiUrl ?? new URL(defaults.api),
    widget: connection.widgetUrl ?? new URL(defaults.widget),
  };
}

/** A transaction's own resources under the payment endpoint (KTPay's mobile API note). */
export type TransactionResource = 'acquirer-options' | 'pdf';

/**
 * `{payment endpoint}/{transaction_hash}/{resource}`: `acquirer-options` (the acquirer's own
 * payment page) or `pdf` (the receipt). Every hash was checked where it entered; one of another
 * shape here is a bug, and no URL is made of it.
 */
export function transactionResource(api: URL, transactionHash: string, resource: TransactionResource): URL {
  if (!isTransactionHash(transactionHash)) throw new TypeError('not a transaction hash');
  const url = new URL(api);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/${transactionHash}/${resource}`;
  url.search = '';
  url.hash = '';
  return url;
}

/** The attributes that choose the endpoints, as the element holds them (unvalidated). */
export interface EndpointAttributes {
  testMode?: boolean;
  apiUrl?: string | null;
  widgetUrl?: string | null;
}

/**
 * The origins a payment will talk to (the API and the payment page), for connection hints when
 * the buyer shows intent: read before the attributes are validated, so an unusable URL is skipped.
 */
export function ktpayOrigins(connection: EndpointAttributes, base: string): { api?: string; widget?: string } {
  const defaults = KTPAY_ENDPOINTS[connection.testMode ? 'test' : 'production'];
  return {
    api: parseHttpUrl(connection.apiUrl || defaults.api, base)?.origin,
    widget: parseHttpUrl(connection.widgetUrl || defaults.widget, base)?.origin,
  };
}
