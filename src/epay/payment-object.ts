import type { CallbackUrls, Payment } from '../params/params.js';
import type { EpayToken } from './token.js';
import type { EpayConnection } from './connection.js';
import { EPAY_LANGUAGE, type EpayPaymentObject } from './halyk-api.js';

export interface EpayPaymentInput {
  payment: Payment;
  connection: EpayConnection;
  token: EpayToken;
  lang: keyof typeof EPAY_LANGUAGE;
  /** The callback URLs as sent (the merchant's, or the element's own where it gave none). */
  callbacks: CallbackUrls;
}

/**
 * Seed 003's payment object from the element's parameters: `order-id` → `invoiceId`,
 * `merchant-user-id` → `accountId`, the success and failed URLs → `backLink` and
 * `failureBackLink`, `callback-post-url` and `callback-failed-post-url` → `postLink` and
 * `failurePostLink`, the element's language → `language`. Absent fields are left out, not sent empty.
 */
export function toEpayPaymentObject({ payment, connection, token, lang, callbacks }: EpayPaymentInput): EpayPaymentObject {
  const object: EpayPaymentObject = {
    invoiceId: payment.orderId,
    amount: payment.amount,
    currency: connection.currency,
    terminal: connection.terminal,
    auth: token,
    language: EPAY_LANGUAGE[lang],
  };
  const optional: Partial<EpayPaymentObject> = {
    backLink: callbacks.success?.href,
    failureBackLink: callbacks.failed?.href,
    postLink: callbacks.post?.href,
    failurePostLink: callbacks.failedPost?.href,
    description: payment.description,
    accountId: payment.user.merchantUserId,
    phone: payment.user.phone,
    email: payment.user.email,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(object, { [key]: value });
  if (connection.cardSave) object.cardSave = true;
  return object;
}
