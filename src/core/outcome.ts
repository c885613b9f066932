import type { KtpaySuccessStatus } from '../events.js';
import type { CallbackUrls } from '../params/params.js';
import { acquirerCodeIn, callbackMatch, type OwnCallbackUrls } from './callback-urls.js';
import type { Failure } from './failure.js';

/** What a provider's page (a message, or the address it sent the buyer to) means for the attempt. */
export type PageOutcome =
  | { kind: 'success'; status: KtpaySuccessStatus; transactionHash?: string; received?: URL }
  | { kind: 'failed'; failure: Failure; transactionHash?: string; received?: URL }
  /** The buyer left the page (its cross, or its way back to the shop). */
  | { kind: 'cancel'; received?: URL }
  /** The page sent the buyer to a URL that means more than one outcome: never taken as a success. */
  | { kind: 'unknown'; received: URL }
  | { kind: 'none' };

export interface OutcomeContext {
  orderId: string;
  /** The callback URLs as sent to the provider (see `callbacksToSend`: coinciding ones marked apart). */
  callbacks: CallbackUrls;
  own?: OwnCallbackUrls | undefined;
}

/**
 * The outcome a callback URL stands for, when the provider's page sends the buyer there (or the
 * buyer comes back to it from the whole window). The most specific match wins; a tie is never a
 * success: a failure where the page appended an acquirer code (it does so only to failures), else
 * unknown.
 */
export function outcomeOfCallbackUrl(url: URL, { callbacks, own }: OutcomeContext): PageOutcome {
  const best = (candidates: (URL | undefined)[]) => Math.max(-1, ...candidates.map((u) => callbackMatch(url, u)));
  const scores = {
    success: best([callbacks.forceSuccess, callbacks.success, own?.success]),
    failed: best([callbacks.forceFailed, callbacks.failed, own?.failed]),
    back: best([callbacks.forceBack, callbacks.back]),
  };
  const top = Math.max(scores.success, scores.failed, scores.back);
  if (top < 0) return { kind: 'none' };
  const winners = (Object.keys(scores) as (keyof typeof scores)[]).filter((outcome) => scores[outcome] === top);
  const code = acquirerCodeIn(url);
  const outcome = winners.length === 1 ? winners[0] : code && winners.includes('failed') ? 'failed' : undefined;
  if (outcome === 'success') return { kind: 'success', status: 'success', received: url };
  if (outcome === 'failed') {
    const failure: Failure = code ? { source: 'acquirer', code } : { source: 'api', code: null };
    return { kind: 'failed', failure, received: url };
  }
  if (outcome === 'back') return { kind: 'cancel', received: url };
  return { kind: 'unknown', received: url };
}
