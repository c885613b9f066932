import { warmUpFor } from '../../checkout/providers.js';
import type { CheckoutInput } from '../../params/params.js';

const hinted = new Set<string>();

/** Opens a connection ahead of the request. A hint: one `<link>` per origin and page, never an error. */
function preconnect(origin: string, anonymous: boolean): void {
  const key = `${origin} ${anonymous}`;
  if (origin === location.origin || hinted.has(key)) return;
  hinted.add(key);
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  if (anonymous) link.crossOrigin = 'anonymous';
  document.head.append(link);
}

/**
 * The buyer is moving to pay (pointer on the button, focus, touch; or the button is on screen and
 * the modal's code has just loaded for it): the provider starts what a Pay needs (KTPay's sealer,
 * unless the merchant's server seals), and the connections paying needs open, so the click finds
 * them ready.
 */
export function prepareForPayment(input: CheckoutInput): void {
  for (const { origin, anonymous } of warmUpFor(input, location.href)) preconnect(origin, anonymous);
}
