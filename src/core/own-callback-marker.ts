/**
 * The query parameter that marks the element's own callback URLs (see `callback-urls.ts`). Its own
 * module: the element looks for it on load, before the rest of the checkout has loaded, to show
 * the outcome of a trip to the payment page in the whole window.
 */
export const OWN_CALLBACK_PARAM = 'ktpay-checkout';

/** Whether this page may be the provider sending the buyer back to one of our callback URLs. */
export function mayBeReturnFromPaymentPage(): boolean {
  return location.search.includes(OWN_CALLBACK_PARAM);
}
