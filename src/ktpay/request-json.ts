// KTPay's request JSON, mapped from a payment whose callback URLs are final: what the element seals
// in the page and what a merchant's server seals (createKtpaySealHandler), from one mapping. No
// browser globals here, so the server entry type-checks without the DOM.
import type { Payment } from '../params/params.js';

/** The `order` and `user` JSON KTPay seals, in its own field names. */
export interface KtpayRequest {
  order: {
    order_id: string;
    amount: number;
    type: 'ecom' | 'service';
    service?: { service_id: number; contract_value: string };
    description?: string;
    callback_back_url?: string;
    callback_success_url?: string;
    callback_failed_url?: string;
    callback_post_url?: string;
    callback_force_back_url?: string;
    callback_force_success_url?: string;
    callback_force_failed_url?: string;
    show_close_button?: false;
  };
  user?: { merchant_user_id?: string; phone?: string; email?: string };
}

/** Maps a payment, with its callback URLs as they go, to KTPay's wire JSON. Unset fields are left out, never sent as null or "". */
export function ktpayRequestJson(payment: Payment): KtpayRequest {
  const { callbacks } = payment;
  const order: KtpayRequest['order'] = {
    order_id: payment.orderId,
    amount: payment.amount,
    type: payment.type,
  };
  if (payment.service) {
    order.service = { service_id: payment.service.serviceId, contract_value: payment.service.contractValue };
  }
  if (payment.description !== undefined) order.description = payment.description;
  const urls: [keyof KtpayRequest['order'], URL | undefined][] = [
    ['callback_back_url', callbacks.back],
    ['callback_success_url', callbacks.success],
    ['callback_failed_url', callbacks.failed],
    ['callback_post_url', callbacks.post],
    ['callback_force_back_url', callbacks.forceBack],
    ['callback_force_success_url', callbacks.forceSuccess],
    ['callback_force_failed_url', callbacks.forceFailed],
  ];
  for (const [field, url] of urls) if (url) (order as Record<string, unknown>)[field] = url.href;
  if (payment.showCloseButton === false) order.show_close_button = false;

  const request: KtpayRequest = { order };
  const { merchantUserId, phone, email } = payment.user;
  const user: NonNullable<KtpayRequest['user']> = {};
  if (merchantUserId !== undefined) user.merchant_user_id = merchantUserId;
  if (phone !== undefined) user.phone = phone;
  if (email !== undefined) user.email = email;
  if (Object.keys(user).length > 0) request.user = user;
  return request;
}
