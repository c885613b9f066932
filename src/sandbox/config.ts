import { SANDBOX_APP_ID, SANDBOX_APP_KEY } from './keys.js';

/**
 * Where the sandbox lives on the page's own origin: the payment page at `/sandbox/payment-card`
 * (a real file served by vite and the test runner) and the stand-in API beside it, answered by
 * MSW. Same origin, so the sandbox page, inside the iframe, is served by the same worker.
 */
export const SANDBOX_WIDGET_URL = '/sandbox';
export const SANDBOX_API_URL = '/sandbox/api/v1/merchant-widget/payment';

/** The merchant's `seal-url`, stood in for beside the API (see seal-url.ts). */
export const SANDBOX_SEAL_URL = '/sandbox/shop/ktpay-seal';

/** The attributes that point an element at the sandbox. */
export const SANDBOX_ATTRIBUTES = {
  'app-id': SANDBOX_APP_ID,
  'app-key': SANDBOX_APP_KEY,
  'api-url': SANDBOX_API_URL,
  'widget-url': SANDBOX_WIDGET_URL,
} as const;

/** The merchant id the sandbox writes into its callbacks, as KTPay writes the merchant's. */
export const SANDBOX_MERCHANT_ID = 1;

/** The same with the order sealed by the merchant's server (`seal-url`): no key in the page. */
export const SANDBOX_SEAL_ATTRIBUTES = {
  'app-id': SANDBOX_APP_ID,
  'seal-url': SANDBOX_SEAL_URL,
  'api-url': SANDBOX_API_URL,
  'widget-url': SANDBOX_WIDGET_URL,
} as const;
