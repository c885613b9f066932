import { KtpayCheckout } from './element/ktpay-checkout.js';

/**
 * Registers `<ktpay-checkout>` unless something already did (a second copy of the package, a
 * framework wrapper), so importing twice never throws.
 */
export function defineKtpayCheckout(tagName = 'ktpay-checkout'): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;
  // A constructor registers under one name only: other names get a subclass.
  customElements.define(tagName, tagName === 'ktpay-checkout' ? KtpayCheckout : class extends KtpayCheckout {});
}

declare global {
  interface HTMLElementTagNameMap {
    'ktpay-checkout': KtpayCheckout;
  }
}
