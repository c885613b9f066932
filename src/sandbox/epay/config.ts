/**
 * The ePay sandbox on the page's own origin, beside KTPay's: Halyk's script stand-in at
 * `/sandbox/epay/payment-api.js`, its payment form at `/sandbox/epay/payform/` (real files), and,
 * answered by MSW, the merchant's `auth-url` (as `createEpayAuthHandler` would answer it, with a
 * sandbox token) and the status API.
 */
export const SANDBOX_EPAY_SCRIPT_URL = '/sandbox/epay/payment-api.js';
export const SANDBOX_EPAY_AUTH_URL = '/sandbox/epay/auth';
export const SANDBOX_EPAY_API_URL = '/sandbox/epay/api';
/** Halyk's token endpoint, stood in for beside the rest (the demo's backend asks it as it would ask Halyk). */
export const SANDBOX_EPAY_TOKEN_URL = '/sandbox/epay/oauth2/token';
/** The payment form's own route for recording what the buyer did (beside the form; Halyk's form talks to Halyk). */
export const SANDBOX_EPAY_PAY_URL = '/sandbox/epay/payform/api/pay';
export const SANDBOX_EPAY_TERMINAL = '67e34d63-102f-4bd1-898e-370781d0074d';
export const SANDBOX_EPAY_CLIENT_ID = 'sandbox';
export const SANDBOX_EPAY_CLIENT_SECRET = 'sandbox-client-secret';
/** The `secret_hash` the sandbox's auth-url asks its tokens for, and so returns in postLink. */
export const SANDBOX_EPAY_SECRET_HASH = 'sandbox-secret-hash';

/** The attributes that point an element at the ePay sandbox. */
export const SANDBOX_EPAY_ATTRIBUTES = {
  provider: 'epay',
  terminal: SANDBOX_EPAY_TERMINAL,
  'auth-url': SANDBOX_EPAY_AUTH_URL,
  'epay-script-url': SANDBOX_EPAY_SCRIPT_URL,
} as const;
