// KTPay's server-to-server notification (seed 000, «Уведомление мерчанта о статусе транзакции»):
// the JSON KTPay POSTs to `callback_post_url` when a transaction reaches a final status, and the
// answer that stops its retries. Types and facts only: the sandbox writes this shape, the server
// entry reads it.
import type { TransactionStatus } from './status.js';

/** Where a failed transaction went wrong: paying, entering the card, or inside KTPay. */
export const CALLBACK_ERROR_TYPES = ['ERROR_PAYMENT', 'ERROR_INPUT', 'ERROR_SYSTEM'] as const;
export type CallbackErrorType = (typeof CALLBACK_ERROR_TYPES)[number];

export interface CallbackError {
  error_type: CallbackErrorType;
  error_message: string | null;
  /** The acquirer's code, where the sender adds one (the sandbox does; seed 000 shows none). */
  code?: string;
}

/** The body of KTPay's callback, as seed 000 shows it. */
export interface KtpayCallback {
  merchant_id: number;
  order_id: string;
  description: string | null;
  /** In tenge. */
  amount: number;
  /** KTPay's id of the transaction; quote it to KTPay's support. */
  transaction_hash: string;
  created_at: string;
  updated_at: string | null;
  status: {
    status: TransactionStatus;
    created_at: string;
    updated_at: string | null;
    /** Set for `error` and `denied`. */
    error: CallbackError | null;
  };
}

/** The answer that tells KTPay the callback arrived. Anything else is retried. */
export const CALLBACK_ACK = { status: 'ok' } as const;

/** When KTPay tries again after an answer other than {@link CALLBACK_ACK}: 15 s, 60 s, 3, 10, 30 and 60 min. */
export const CALLBACK_RETRY_DELAYS_MS = [15e3, 60e3, 180e3, 600e3, 1_800e3, 3_600e3] as const;
