/**
 * The words of one language: the interface's strings, the two error catalogs of the KTWidget
 * guide («Ошибки транзакции») and Halyk ePay's reason codes. Built from `strings/` by `messagesOf` for each language; data
 * only, so it also runs on a merchant's server.
 */

/** The languages the element speaks. `kz` is accepted as an alias of `kk` on input. */
export type Lang = 'ru' | 'kk' | 'en';

/** A message and, where the catalog gives one, what to do about it. */
export interface ErrorText {
  message: string;
  hint?: string;
}

/** Why a parameter was refused before anything was sent. */
export type FieldProblem =
  | 'required'
  | 'amount'
  | 'type'
  | 'service-id'
  | 'app-key'
  | 'url'
  | 'email'
  | 'timeout'
  | 'mode'
  | 'already-paid'
  | 'provider'
  | 'invoice-id'
  | 'currency'
  | 'epay-operation';

export interface UiStrings {
  /** The modal's visible title (also its accessible name). */
  title: string;
  close: string;
  /** The loading steps of the KTWidget guide, in order. */
  steps: {
    sending: string;
    creating: string;
    acquirer: string;
    opening: string;
  };
  paymentFrameTitle: string;
  successTitle: string;
  failedTitle: string;
  amount: string;
  order: string;
  transaction: string;
  /** Label of the transaction's status in the receipt. */
  status: string;
  continue: string;
  /** KTPay named a payment page outside the widget's origin; it was not opened. */
  pageElsewhere: ErrorText;
  /** The success view's link to KTPay's PDF receipt. */
  receipt: string;
  tryAgain: string;
  /** Names of the transaction statuses (seed 000, «Статусы транзакции»). */
  statuses: Record<'pending' | 'authorized' | 'success' | 'error' | 'denied' | 'completed', string>;
  /** Names of the error types (seed 000, `error_type`). */
  errorTypes: Record<'ERROR_PAYMENT' | 'ERROR_INPUT' | 'ERROR_SYSTEM', string>;
  validation: {
    message: string;
    hint: string;
    /** Label of the list of refused parameters in the result view. */
    fieldsLabel: string;
    problems: Record<FieldProblem, string>;
  };
  network: {
    offline: ErrorText;
    timeout: ErrorText;
    unreachable: ErrorText;
    http: (status: number) => ErrorText;
    /** HTTP 429: the server asks to slow down. */
    busy: ErrorText;
    badAnswer: ErrorText;
    /** Halyk's widget showed without a payment frame the element can check; it was taken down. */
    'unverified-form': ErrorText;
    /** The page enforces Trusted Types without the element's policy: Halyk's script cannot load. */
    'trusted-types': ErrorText;
  };
  /** The order was already paid from this page: opening it again is refused. */
  alreadyPaid: ErrorText;
  /** Offered when the payment page gives no sign of life in its frame. */
  fallback: {
    prompt: string;
    link: string;
  };
  /** What the modal says while the page leaves for the payment page (`mode="redirect"`). */
  redirecting: string;
  crypto: {
    csp: ErrorText;
    timeout: ErrorText;
    load: ErrorText;
  };
  /** An API code that is not in the catalog. */
  unknownApiError: (code: number | null) => ErrorText;
  /** An acquirer code that is not in the catalog. */
  unknownAcquirerError: (code: string) => ErrorText;
  /** The merchant's `auth-url` gave no ePay token (see `AuthFailureReason`). */
  auth: {
    'unknown-order': ErrorText;
    amount: ErrorText;
    http: (status: number) => ErrorText;
    'bad-answer': ErrorText;
  };
  /** The acquirer declined without a code. */
  declinedWithoutCode: ErrorText;
}

/**
 * Acquirer (Halyk ePay) codes with their text. Several codes share one text in the seed, so each
 * entry lists its codes as the seed writes them; lookup normalises them (see `catalog.ts`).
 */
export type AcquirerErrors = ReadonlyArray<readonly [codes: readonly string[], message: string]>;

/**
 * Halyk ePay's own reason codes (`reasonCode` of its postLink and status API: 0, 454 … 529) with
 * our words for the buyer: what happened and, where there is something to do, the hint. Codes
 * that share words are listed together, as in `AcquirerErrors`; lookup normalises them the same way.
 */
export type EpayReasons = ReadonlyArray<readonly [codes: readonly string[], text: ErrorText]>;

export interface Messages {
  ui: UiStrings;
  /** KTPay API codes (5000001 … 4220104) with message and hint. */
  apiErrors: Record<number, ErrorText>;
  /** Acquirer (Halyk ePay) codes (-22 … 962); the catalog gives them no hints. */
  acquirerErrors: AcquirerErrors;
  /** Halyk ePay's reason codes (0, 454 … 529): not the acquirer catalog's, see `strings/epay-reasons.ts`. */
  epayReasons: EpayReasons;
}
