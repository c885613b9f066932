// The order a shop's server seals for KTPay: its own fields, read by the element's own rules and
// written by the element's own mapping, so what the server seals is exactly what a page would.
import { readParams, type CheckoutInput } from '../params/params.js';
import { ktpayRequestJson, type KtpayRequest } from '../ktpay/request-json.js';

/**
 * An order as the shop's server knows it (what `resolveOrder` gives): the fields of a KTPay
 * payment, camelCase as the element's properties. The order id is the one asked for; the callback
 * and return URLs are the seal handler's.
 */
export interface KtpayOrder {
  /** In tenge, above 0, at most two decimals: what the buyer pays, whatever the page shows. */
  amount: number;
  /** Default `ecom`. */
  type?: 'ecom' | 'service';
  /** Required for `service`. */
  service?: { serviceId: number; contractValue: string };
  description?: string;
  user?: { merchantUserId?: string; phone?: string; email?: string };
  /** `false` hides the payment page's own close cross. */
  showCloseButton?: boolean;
}

/** Where KTPay sends the buyer back (the page's, checked) and its callback (the shop's, tokened). */
export interface SealedUrls {
  success?: string;
  failed?: string;
  back?: string;
  post: string;
}

/**
 * KTPay's request JSON for `orderId`, from the shop's order and the URLs. Throws a TypeError naming
 * each field KTPay would refuse (an amount with three decimals, a service without its id…).
 */
export function ktpayRequestOf(orderId: string, order: KtpayOrder, urls: SealedUrls): KtpayRequest {
  const input: CheckoutInput = {
    orderId,
    amount: order.amount,
    type: order.type ?? null,
    serviceId: order.service?.serviceId ?? null,
    contractValue: order.service?.contractValue ?? null,
    description: order.description ?? null,
    merchantUserId: order.user?.merchantUserId ?? null,
    phone: order.user?.phone ?? null,
    email: order.user?.email ?? null,
    showCloseButton: order.showCloseButton ?? null,
    callbackSuccessUrl: urls.success ?? null,
    callbackFailedUrl: urls.failed ?? null,
    callbackBackUrl: urls.back ?? null,
    callbackPostUrl: urls.post,
  };
  // No connection to read: the page's own settings (app id, endpoints) are none of the server's.
  const read = readParams(input, 'http://localhost/', () => ({}));
  if (!read.ok) {
    const fields = Object.entries(read.fields).map(([field, problems]) => `${field} (${problems?.join(', ')})`);
    throw new TypeError(`resolveOrder gave an order KTPay would refuse: ${fields.join('; ')}`);
  }
  return ktpayRequestJson(read.payment);
}
