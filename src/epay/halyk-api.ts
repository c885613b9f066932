/**
 * Halyk's `payment-api.js`, as much of it as the element calls (EPAY.md: identical core in every
 * public copy). It is Halyk's script, loaded from Halyk's host at use, never shipped in the package.
 */
export interface HalykApi {
  /** Sends the whole window to Halyk's payment form (a GET navigation; no callback). */
  pay(payment: EpayPaymentObject): void;
  /** The same for a transfer (seed 003: `halyk.p2p`). */
  p2p(payment: EpayPaymentObject): void;
  /** Halyk's form in an overlay on `document.body`; the callback learns only `{ success }`. */
  showPaymentWidget(payment: EpayPaymentObject, callback: (result: { success?: unknown }) => void): void;
}

/** Seed 003's payment object, as Halyk's script takes it. */
export interface EpayPaymentObject {
  invoiceId: string;
  amount: number;
  currency: string;
  terminal: string;
  /** The token object from the merchant's server, verbatim. */
  auth: Record<string, unknown>;
  language: EpayLanguage;
  backLink?: string;
  failureBackLink?: string;
  postLink?: string;
  failurePostLink?: string;
  description?: string;
  accountId?: string;
  phone?: string;
  email?: string;
  cardSave?: boolean;
}

/**
 * ePay's `language`. Seed 003's example says `"RU"`, newer integrations and ePay's own postLink
 * say `rus`/`kaz`/`eng`: the three-letter codes are the ones ePay echoes back, so they are sent.
 */
export type EpayLanguage = 'rus' | 'kaz' | 'eng';

export const EPAY_LANGUAGE = { ru: 'rus', kk: 'kaz', en: 'eng' } as const satisfies Record<string, EpayLanguage>;

/** Whether `value` (a page's `window.halyk`) has the functions the element calls. */
export function isHalykApi(value: unknown): value is HalykApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return typeof api.pay === 'function' && typeof api.p2p === 'function' && typeof api.showPaymentWidget === 'function';
}
