// What the framework entries (react, vue, angular, preact, svelte) share: the element's properties
// as typed, optional inputs, and its ktpay:* events by their short names and details.
import type { KtpayCheckout, KtpayCheckoutProperty } from './element/ktpay-checkout.js';
import type { KtpayEventMap, ProviderDetail } from './events.js';

/** Every property a framework may bind, with the element's own types; `lang` is HTML's. */
export type KtpayCheckoutProps = { [K in KtpayCheckoutProperty]?: KtpayCheckout[K] } & { lang?: string };

/** The events' names without the `ktpay:` prefix, in the order a payment fires them. */
export const KTPAY_EVENTS = ['open', 'created', 'success', 'failed', 'close'] as const;
export type KtpayEventName = (typeof KTPAY_EVENTS)[number];

/** What `ktpay:<name>` carries, its provider included. */
export type KtpayEventDetail<N extends KtpayEventName> = KtpayEventMap[`ktpay:${N}`] & ProviderDetail;

/** The names a wrapper declares as props, read from the element class (its reactive properties). */
export const propertyNames = (element: typeof KtpayCheckout): (KtpayCheckoutProperty | 'lang')[] => [
  ...(Object.keys(element.properties) as KtpayCheckoutProperty[]),
  'lang',
];

/**
 * Listeners of the bare tag, named as a framework passes them (`onktpay:success` for React 19,
 * Preact and Svelte 5, `onKtpay:success` for Vue's `@ktpay:success`), each given the event.
 */
export type KtpayEventHandlers<Prefix extends string> = {
  [N in KtpayEventName as `${Prefix}${N}`]?: (event: CustomEvent<KtpayEventDetail<N>>) => void;
};
