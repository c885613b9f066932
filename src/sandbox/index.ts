// ktpay-checkout/sandbox: the offline stand-in for KTPay used by the demo, the stories, the
// tests, and merchants' own tests. TEST ONLY.
export { payOnSandboxPage, type SandboxCard } from './buyer.js';
export { CODE_NAME, TEST_3DS_PASSWORD, TEST_CARDS, TEST_CVV, cardOutcome, secureCodeOutcome } from './cards.js';
export { SANDBOX_API_URL, SANDBOX_ATTRIBUTES, SANDBOX_MERCHANT_ID, SANDBOX_SEAL_ATTRIBUTES, SANDBOX_SEAL_URL, SANDBOX_WIDGET_URL } from './config.js';
export { createSealUrlHandler, type SandboxSealOptions, type SandboxSealOrder } from './seal-url.js';
export { SANDBOX_CALLBACK_TIME_SCALE, deliverCallback, sandboxCallback, type CallbackAttempt } from './callback-delivery.js';
export { createSandboxHandlers, type PageProtocol, type SandboxOptions, type SandboxTransaction } from './handlers.js';
export { SANDBOX_APP_ID, SANDBOX_APP_KEY, SANDBOX_SECRET_KEY } from './keys.js';
export { createEpaySandboxHandlers, type EpaySandboxOptions, type PostLinkAttempt } from './epay/handlers.js';
export {
  SANDBOX_EPAY_API_URL,
  SANDBOX_EPAY_ATTRIBUTES,
  SANDBOX_EPAY_AUTH_URL,
  SANDBOX_EPAY_CLIENT_ID,
  SANDBOX_EPAY_CLIENT_SECRET,
  SANDBOX_EPAY_SCRIPT_URL,
  SANDBOX_EPAY_SECRET_HASH,
  SANDBOX_EPAY_TERMINAL,
  SANDBOX_EPAY_TOKEN_URL,
} from './epay/config.js';
export { EPAY_SANDBOX_CODES } from './epay/outcome.js';
export { payOnEpayForm, type EpaySandboxCard } from './epay/buyer.js';
