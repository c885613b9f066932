// ktpay-checkout/preact: types only. `<ktpay-checkout>` in Preact's JSX, typed: Preact sets the
// properties and listens to `onktpay:success` as the event `ktpay:success`. Include with
// `import type {} from 'ktpay-checkout/preact'` (and register the element: `import 'ktpay-checkout'`).
import type { HTMLAttributes } from 'preact';
import type { KtpayCheckout as KtpayCheckoutElement } from './element/ktpay-checkout.js';
import type { KtpayCheckoutProps, KtpayEventHandlers } from './framework-bindings.js';

export type KtpayCheckoutJsxProps = Omit<HTMLAttributes<KtpayCheckoutElement>, keyof KtpayCheckoutProps> &
  KtpayCheckoutProps &
  KtpayEventHandlers<'onktpay:'>;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'ktpay-checkout': KtpayCheckoutJsxProps;
    }
  }
}
