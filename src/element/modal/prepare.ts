import { warmSealer } from '../../crypto/sodium.js';
import { epayScriptOrigin, type EpayEndpointAttributes } from '../../epay/endpoints.js';
import { ktpayOrigins, type EndpointAttributes } from '../../ktpay/endpoints.js';

/** What the element says about where a payment will go, read before validation. */
export interface PaymentIntent extends EndpointAttributes, EpayEndpointAttributes {
  provider?: string | null;
}

const hinted = new Set<string>();

/** Opens a connection ahead of the request. A hint: one `<link>` per origin and page, never an error. */
function preconnect(origin: string | undefined, anonymous: boolean): void {
  const key = `${origin} ${anonymous}`;
  if (!origin || origin === location.origin || hinted.has(key)) return;
  hinted.add(key);
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  if (anonymous) link.crossOrigin = 'anonymous';
  document.head.append(link);
}

/**
 * The buyer is moving to pay (pointer on the button, focus, touch; the modal's code has just
 * loaded for it): fetch libsodium and open the connections paying needs, so the click finds them
 * ready. Not on page load: most visitors never pay, and libsodium is ~150 kB.
 */
export function prepareForPayment(intent: PaymentIntent): void {
  if (intent.provider === 'epay') {
    // Halyk's script and its form: ordinary (credentialed) fetches and navigations. No sealing.
    preconnect(epayScriptOrigin(intent, location.href), false);
    return;
  }
  warmSealer();
  const origins = ktpayOrigins(intent, location.href);
  // The API is fetched without credentials (an anonymous connection); the payment page is a
  // navigation of the iframe (a credentialed one).
  preconnect(origins.api, true);
  preconnect(origins.widget, false);
}
