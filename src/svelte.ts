// ktpay-checkout/svelte: types only. `<ktpay-checkout>` in Svelte 5 templates, typed for
// svelte-check: its properties, and `onktpay:success={…}` (Svelte 5 listens to the event named after
// `on`). Include with `import type {} from 'ktpay-checkout/svelte'` (and `import 'ktpay-checkout'`).
import type { HTMLAttributes } from 'svelte/elements';
import type { KtpayCheckout as KtpayCheckoutElement } from './element/ktpay-checkout.js';
import type { KtpayCheckoutProps, KtpayEventHandlers } from './framework-bindings.js';

export type KtpayCheckoutSvelteProps = Omit<HTMLAttributes<KtpayCheckoutElement>, keyof KtpayCheckoutProps> &
  KtpayCheckoutProps &
  KtpayEventHandlers<'onktpay:'>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'ktpay-checkout': KtpayCheckoutSvelteProps;
  }
}
