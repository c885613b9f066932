import type { CryptoFailureReason } from '../crypto/sodium.js';
import type { FieldProblems } from '../params/params.js';

/**
 * Why the network (or the script a provider loads from it) gave no payment: the usual faults;
 * `unverified-form`: Halyk's script showed its widget without the one frame whose origin the
 * element can check (src/epay/halyk-widget.ts), so it was taken down; `trusted-types`: the page
 * enforces Trusted Types without allowing the element's policy, so Halyk's script cannot load.
 */
export type NetworkFailureReason = 'offline' | 'timeout' | 'unreachable' | 'bad-answer' | 'http' | 'busy' | 'unverified-form' | 'trusted-types';

/**
 * Why the merchant's own `auth-url` (ePay's token) gave no token: it does not know the order (404),
 * its amount is not the page's (409), another error status, or an answer without a token.
 */
export type AuthFailureReason = 'unknown-order' | 'amount' | 'http' | 'bad-answer';

/**
 * Why an attempt failed, kept as data (not text) so the result view can re-render it in another
 * language and every source keeps what it knows. Turned into words by `describeFailure`.
 */
export type Failure =
  | {
      source: 'validation';
      fields: FieldProblems;
      /** The order was paid from this page already: a distinct message, not "settings are wrong". */
      alreadyPaid?: true;
    }
  | { source: 'network'; reason: NetworkFailureReason; status?: number }
  | { source: 'crypto'; reason: CryptoFailureReason }
  | {
      source: 'api';
      /** KTPay's numeric code; null when the page reported a failure without one. */
      code: number | null;
      /** KTPay's own words, shown only where our catalog has none. Always rendered as text. */
      serverMessage?: string;
      serverHint?: string;
      /** KTPay's per-field validation messages (its 422… codes). */
      validation?: Record<string, string[]>;
      errorType?: string;
      /** KTPay named a payment page on this origin, not the widget's: it was not opened. */
      pageOrigin?: string;
    }
  | { source: 'auth'; reason: AuthFailureReason; status: number }
  | {
      source: 'acquirer';
      /** The acquirer's code as received; null when its page said only "declined" (Halyk's widget). */
      code: string | null;
      errorType?: string;
    };

/** A failure travelling as an exception through the async steps of an attempt. */
export class FailureError extends Error {
  override name = 'FailureError';
  constructor(readonly failure: Failure) {
    super(`${failure.source} failure`);
  }
}

/** Nothing came back from a host: offline, as the browser knows it, or the host did not answer. */
export function unreachableError(): FailureError {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return new FailureError({ source: 'network', reason: offline ? 'offline' : 'unreachable' });
}

/**
 * Whether Try again makes sense: before the transaction exists (network, crypto, KTPay's server
 * errors) the same order can be sent again. A declined card or a refused parameter would only
 * fail the same way.
 */
export function isRetryable(failure: Failure): boolean {
  switch (failure.source) {
    case 'network':
      // The same script would show the same widget again; the page would refuse the policy again.
      return failure.reason !== 'unverified-form' && failure.reason !== 'trusted-types';
    case 'crypto':
      return failure.reason !== 'csp';
    case 'api':
      return failure.code !== null && failure.code >= 5000000 && failure.code < 6000000;
    case 'auth':
      // The merchant's server erred or answered oddly: asking again may work. It refused the order: no.
      return failure.reason === 'bad-answer' || failure.status >= 500;
    default:
      return false;
  }
}
