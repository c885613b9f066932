import { EpayError, type EpayFailureReason } from './epay-error.js';

/** How long a call to ePay may take, and how the caller stops it. */
export interface EpayCallOptions {
  /** Aborts the call: it then fails with reason `aborted`. */
  signal?: AbortSignal;
  /** The whole call, answer body included, fails with reason `timeout` after this. Default 15 s. */
  timeoutMs?: number;
}

/** ePay's answer: its HTTP status, and its body as JSON (undefined when it is not JSON). */
export interface EpayAnswer {
  status: number;
  json: unknown;
}

/** Makes the caller's error class for a failure, so each call's errors carry their own type. */
export type EpayErrorMaker = (message: string, details: { reason: EpayFailureReason; cause?: unknown }) => EpayError;

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * One HTTP call to ePay, read whole within `timeoutMs`. Fails only for `network`, `timeout` and
 * `aborted`; what the answer means is the caller's to say. `what` names the call in messages.
 */
export async function callEpay(url: string, init: RequestInit, options: EpayCallOptions, what: string, fail: EpayErrorMaker): Promise<EpayAnswer> {
  const { signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (signal?.aborted) throw fail(`${what} was aborted`, { reason: 'aborted', cause: signal.reason });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // A redirect is not followed: a 307 would resend the form, secret and all, to wherever it points.
    const response = await fetch(url, { ...init, signal: controller.signal, redirect: 'manual' });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  } catch (error) {
    if (timedOut) throw fail(`${what} timed out after ${timeoutMs} ms`, { reason: 'timeout' });
    if (signal?.aborted) throw fail(`${what} was aborted`, { reason: 'aborted', cause: signal.reason });
    // fetch's own error (connection refused, DNS, TLS): it names the host, never the request body.
    throw fail(`${what} got no answer`, { reason: 'network', cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
