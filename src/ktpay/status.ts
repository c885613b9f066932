// A KTPay transaction's statuses (seed 000, «Статусы транзакции»), as the payment page and the
// merchant callback both report them.

/** Every status a KTPay transaction can have (seed 000, «Статусы транзакции»). */
export const TRANSACTION_STATUSES = ['pending', 'authorized', 'success', 'completed', 'error', 'denied'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** What a status means for the order: the element's `ktpay:success` statuses are `paid`. */
export type TransactionOutcome = 'paid' | 'failed' | 'pending';

export function outcomeOfStatus(status: TransactionStatus): TransactionOutcome {
  if (status === 'error' || status === 'denied') return 'failed';
  return status === 'pending' ? 'pending' : 'paid';
}
