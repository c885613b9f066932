// Halyk ePay's status API answer (GET {api}/check-status/payment/transaction/{invoiceId}), and what
// each of its codes means for an order. From public integrations; ePay's docs list the same codes.
import { isObject } from '../util/is-object.js';

/** What an answer says about the order: paid, failed, not final yet, or no such payment (yet). */
export type EpayOutcome = 'paid' | 'failed' | 'pending' | 'not-found';

/**
 * `resultCode`: what became of the request. Only 100, 101, 102 and 107 say anything about the
 * payment; the others mean the question could not be answered (a terminal misconfigured, an error
 * at ePay), so no outcome is read from them.
 */
export const EPAY_RESULT_CODES = {
  100: { meaning: 'transaction found', outcome: 'by-status' },
  101: { meaning: 'payment rejected', outcome: 'failed' },
  102: { meaning: 'transaction not found', outcome: 'not-found' },
  103: { meaning: 'error', outcome: null },
  104: { meaning: 'terminal absent', outcome: null },
  106: { meaning: 'incorrect terminal', outcome: null },
  107: { meaning: 'in progress', outcome: 'pending' },
  109: { meaning: "terminal is not the client's", outcome: null },
} as const satisfies Record<number, { meaning: string; outcome: EpayOutcome | 'by-status' | null }>;

/** A resultCode ePay documents (a key of {@link EPAY_RESULT_CODES}). */
export type EpayResultCode = keyof typeof EPAY_RESULT_CODES;

/**
 * `transaction.statusName` (resultCode 100), and the order's outcome for each:
 * - `AUTH` is **paid**: the buyer's money is held for the shop, the point where ePay's postLink
 *   says `"code":"ok"` and the point the public integrations count as paid (as KTPay's
 *   `authorized`). A two-stage terminal still has to charge it; `statusName` tells the two apart.
 * - `VERIFIED` is **failed**: a card check, no money taken; nothing to ship against.
 * - `REFUND` and the cancels are **failed**: the shop does not keep the money.
 */
export const EPAY_STATUS_NAMES = {
  NEW: 'pending',
  FINGERPRINT: 'pending',
  '3D': 'pending',
  AUTH: 'paid',
  CHARGE: 'paid',
  CANCEL: 'failed',
  CANCEL_OLD: 'failed',
  REFUND: 'failed',
  REJECT: 'failed',
  FAILED: 'failed',
  VERIFIED: 'failed',
} as const satisfies Record<string, EpayOutcome>;

/** A statusName ePay documents (a key of {@link EPAY_STATUS_NAMES}). */
export type EpayStatusName = keyof typeof EPAY_STATUS_NAMES;

/** The transaction in a status answer; fields ePay adds are kept verbatim. */
export interface EpayTransaction {
  statusName: EpayStatusName | (string & {});
  invoiceID?: string;
  amount?: number;
  currency?: string;
  reasonCode?: number | string;
  reason?: string;
  cardMask?: string;
  [field: string]: unknown;
}

/** A status answer, with the outcome read from it. `resultCode` is a number (ePay sends "100"). */
export interface EpayStatus {
  resultCode: number;
  resultMessage: string;
  transaction?: EpayTransaction;
  outcome: EpayOutcome;
}

/**
 * The outcome of a `statusName`. A name not in the table is `pending`: never paid, and asked again.
 */
export function outcomeOfEpayStatusName(statusName: string): EpayOutcome {
  return Object.hasOwn(EPAY_STATUS_NAMES, statusName) ? EPAY_STATUS_NAMES[statusName as EpayStatusName] : 'pending';
}

/** What reading a status answer gave. */
export type EpayStatusRead =
  | { ok: true; status: EpayStatus }
  /** ePay answered, but not about the payment (103, 104, 106, 109 or a code not in the table). */
  | { ok: false; reason: 'refused'; resultCode: number; resultMessage: string }
  | { ok: false; reason: 'bad-answer'; problem: string };

/** `answer` read as a status answer, with its outcome; see {@link EPAY_RESULT_CODES}. */
export function readEpayStatus(answer: unknown): EpayStatusRead {
  if (!isObject(answer)) return { ok: false, reason: 'bad-answer', problem: 'is not a JSON object' };
  const resultCode = typeof answer.resultCode === 'string' && /^\d+$/.test(answer.resultCode) ? Number(answer.resultCode) : answer.resultCode;
  if (typeof resultCode !== 'number' || !Number.isSafeInteger(resultCode)) return { ok: false, reason: 'bad-answer', problem: 'resultCode is not a number' };
  const resultMessage = typeof answer.resultMessage === 'string' ? answer.resultMessage : '';
  const known = Object.hasOwn(EPAY_RESULT_CODES, resultCode) ? EPAY_RESULT_CODES[resultCode as EpayResultCode].outcome : null;
  if (known === null) return { ok: false, reason: 'refused', resultCode, resultMessage };
  const transaction = answer.transaction;
  if (transaction !== undefined && transaction !== null && (!isObject(transaction) || typeof transaction.statusName !== 'string')) {
    return { ok: false, reason: 'bad-answer', problem: 'transaction has no statusName' };
  }
  const status: EpayStatus = { resultCode, resultMessage, outcome: 'pending' };
  if (transaction) status.transaction = transaction as EpayTransaction;
  if (known !== 'by-status') return { ok: true, status: { ...status, outcome: known } };
  if (!status.transaction) return { ok: false, reason: 'bad-answer', problem: 'resultCode 100 without a transaction' };
  return { ok: true, status: { ...status, outcome: outcomeOfEpayStatusName(status.transaction.statusName) } };
}
