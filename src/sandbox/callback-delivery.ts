import { CALLBACK_ACK, CALLBACK_RETRY_DELAYS_MS, type KtpayCallback } from '../ktpay/callback.js';
import { isObject } from '../util/is-object.js';
import { SANDBOX_MERCHANT_ID } from './config.js';
import type { SandboxTransaction } from './handlers.js';

/**
 * The sandbox keeps KTPay's retry schedule but runs it this much faster, so a demo or a test sees
 * every retry: 15 s, 60 s, 3, 10, 30 and 60 min become 0.25 s, 1 s, 3 s, 10 s, 30 s and 60 s.
 */
export const SANDBOX_CALLBACK_TIME_SCALE = 1 / 60;

/** One attempt to deliver a callback, as the sandbox reports it. */
export interface CallbackAttempt {
  url: string;
  /** 1 for the first delivery, 2… for the retries. */
  attempt: number;
  /** The HTTP status of the answer; 0 when there was none (refused, CORS, offline). */
  httpStatus: number;
  /** The answer was `{"status":"ok"}`: KTPay stops here. */
  acknowledged: boolean;
  /** No acknowledgement and no retries left: KTPay gives up. */
  final: boolean;
}

/** KTPay's date and time: seconds, Almaty's offset (UTC+5), as seed 000 writes them. */
export function ktpayDateTime(date: Date): string {
  const almaty = new Date(date.getTime() + 5 * 3_600_000);
  return `${almaty.toISOString().slice(0, 19)}+05:00`;
}

/** The callback KTPay would send for a transaction with a final status (seed 000's shape). */
export function sandboxCallback(transaction: SandboxTransaction): KtpayCallback {
  const { order, status, statusAt = transaction.createdAt } = transaction;
  return {
    merchant_id: SANDBOX_MERCHANT_ID,
    order_id: order.order_id,
    description: order.description ?? null,
    amount: order.amount,
    transaction_hash: transaction.transactionHash,
    created_at: transaction.createdAt,
    updated_at: statusAt,
    status: {
      status,
      created_at: statusAt,
      updated_at: null,
      error:
        status === 'error'
          ? { error_type: transaction.errorType ?? 'ERROR_PAYMENT', error_message: transaction.message ?? null, ...(transaction.code ? { code: transaction.code } : {}) }
          : null,
    },
  };
}

async function acknowledged(response: Response): Promise<boolean> {
  try {
    const answer: unknown = await response.json();
    return isObject(answer) && answer.status === CALLBACK_ACK.status;
  } catch {
    return false;
  }
}

/**
 * Delivers a callback the way KTPay does: POST the JSON, and unless the answer is
 * `{"status":"ok"}`, try again on KTPay's schedule (scaled by `timeScale`). Sent from the page the
 * sandbox runs in, so the endpoint must be on that origin or allow it by CORS; the retries stop
 * when the page goes away, or at `signal`.
 */
export async function deliverCallback(
  url: string,
  callback: KtpayCallback,
  { timeScale = SANDBOX_CALLBACK_TIME_SCALE, signal, onAttempt }: { timeScale?: number; signal?: AbortSignal; onAttempt?: (attempt: CallbackAttempt) => void } = {},
): Promise<CallbackAttempt> {
  const body = JSON.stringify(callback);
  for (let attempt = 1; ; attempt++) {
    let httpStatus = 0;
    let ok = false;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        credentials: 'omit',
        ...(signal ? { signal } : {}),
      });
      httpStatus = response.status;
      ok = await acknowledged(response);
    } catch {
      // No answer: retried like any other.
    }
    const delay = CALLBACK_RETRY_DELAYS_MS[attempt - 1];
    const report: CallbackAttempt = { url, attempt, httpStatus, acknowledged: ok, final: !ok && delay === undefined };
    onAttempt?.(report);
    if (ok || delay === undefined || signal?.aborted) return report;
    await new Promise((resolve) => setTimeout(resolve, delay * timeScale));
    if (signal?.aborted) return report;
  }
}
