// The package entry: registers <ktpay-checkout> and exports its class, types and describeError.
import { defineKtpayCheckout } from './define.js';

defineKtpayCheckout();

export { defineKtpayCheckout } from './define.js';
export { KtpayCheckout } from './element/ktpay-checkout.js';
export { describeError } from './i18n/describe-error.js';
export type * from './events.js';
export type { ErrorText, Lang } from './i18n/messages.js';
