/**
 * The element's events: all `bubbles` and `composed`, so a listener on `document` hears them
 * through the shadow boundary. Details are typed once here and in `GlobalEventHandlersEventMap`.
 */

/** Who carries the payment: KTPay (the default) or Halyk ePay directly (`provider="epay"`). */
export type CheckoutProvider = 'ktpay' | 'epay';

/**
 * Every event's detail, and what `open()` resolves with, says which provider carried the payment.
 * The property is not enumerable: a detail compared, spread or serialized as before is unchanged,
 * so a merchant's existing exact-match checks keep passing; read it as `detail.provider`.
 */
export interface ProviderDetail {
  readonly provider: CheckoutProvider;
}

/** `value` with its provider attached (see ProviderDetail). */
export function withProvider<T extends object>(value: T, provider: CheckoutProvider): T & ProviderDetail {
  // Defaults: not enumerable, not writable.
  return Object.defineProperty(value, 'provider', { value: provider }) as T & ProviderDetail;
}

export interface KtpayOpenDetail {
  orderId: string;
}

export interface KtpayCreatedDetail {
  orderId: string;
  paymentUrl: string;
  transactionHash?: string;
}

/** A status KTPay counts as paid (seed 000, «Статусы транзакции»). */
export type KtpaySuccessStatus = 'authorized' | 'success' | 'completed';

export interface KtpaySuccessDetail {
  orderId: string;
  status: KtpaySuccessStatus;
  transactionHash?: string;
  /** KTPay's PDF receipt of the transaction (`…/payment/{hash}/pdf`), where the hash is known. */
  receiptUrl?: string;
}

/**
 * Where a failure came from. `crypto` is ours, added to the contract's four: the encryption
 * module could not load or start (CSP, timeout); nothing was sent. `auth` (ePay): the merchant's
 * `auth-url` gave no token for the order.
 */
export type KtpayFailureSource = 'validation' | 'network' | 'api' | 'acquirer' | 'crypto' | 'auth';

export interface KtpayFailedDetail {
  orderId: string;
  source: KtpayFailureSource;
  /** KTPay's numeric code, or the acquirer's code as received ("05", "1A", "-19"); null if none. */
  code: number | string | null;
  /** In the element's language. */
  message: string;
  hint?: string;
  /** Parameter name → messages, for validation errors (ours or KTPay's). */
  fields?: Record<string, string[]>;
}

export type KtpayCloseReason = 'cancel' | 'success' | 'failed';

export interface KtpayCloseDetail {
  reason: KtpayCloseReason;
  /**
   * With `reason: 'cancel'`: whether the payment page had been shown. Then the buyer may have paid
   * before closing, and the outcome is unknown here: ask your server (KTPay's callback) before
   * offering to pay this order again.
   */
  paymentStarted?: boolean;
  /** With `paymentStarted`: the transaction, where known, to look up. */
  transactionHash?: string;
}

/** Closed (or removed) after the payment page showed: the buyer may have paid. */
export interface KtpayUnknownDetail {
  orderId: string;
  transactionHash?: string;
}

/**
 * What `open()` resolves with. It never rejects for a payment outcome. `cancelled`: closed before
 * the payment page showed, nothing paid; `unknown`: closed after, ask your server.
 */
export type KtpayResult =
  | ({ outcome: 'success' } & KtpaySuccessDetail)
  | ({ outcome: 'failed' } & KtpayFailedDetail)
  | ({ outcome: 'unknown' } & KtpayUnknownDetail)
  | { outcome: 'cancelled' };

export interface KtpayEventMap {
  'ktpay:open': KtpayOpenDetail;
  'ktpay:created': KtpayCreatedDetail;
  'ktpay:success': KtpaySuccessDetail;
  'ktpay:failed': KtpayFailedDetail;
  'ktpay:close': KtpayCloseDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ktpay:open': CustomEvent<KtpayOpenDetail & ProviderDetail>;
    'ktpay:created': CustomEvent<KtpayCreatedDetail & ProviderDetail>;
    'ktpay:success': CustomEvent<KtpaySuccessDetail & ProviderDetail>;
    'ktpay:failed': CustomEvent<KtpayFailedDetail & ProviderDetail>;
    'ktpay:close': CustomEvent<KtpayCloseDetail & ProviderDetail>;
  }
}

/** `ktpay:success` and `ktpay:failed` are cancelable: cancelling keeps the page where it is. */
export function emit<K extends keyof KtpayEventMap>(
  target: EventTarget,
  type: K,
  detail: KtpayEventMap[K],
  provider: CheckoutProvider,
): CustomEvent<KtpayEventMap[K] & ProviderDetail> {
  const cancelable = type === 'ktpay:success' || type === 'ktpay:failed';
  const event = new CustomEvent(type, { detail: withProvider(detail, provider), bubbles: true, composed: true, cancelable });
  target.dispatchEvent(event);
  return event;
}
