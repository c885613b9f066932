// The element on its own, for a <script type="module"> tag: registers <ktpay-checkout> and exports
// its class and types. Translations and libsodium load from chunks beside it when needed.
import { defineKtpayCheckout } from './define.js';

defineKtpayCheckout();

export { defineKtpayCheckout } from './define.js';
export { KtpayCheckout } from './element/ktpay-checkout.js';
export type * from './events.js';
export type { ErrorText, Lang } from './i18n/messages.js';
