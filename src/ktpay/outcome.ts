import type { Failure } from '../core/failure.js';
import type { KtpaySuccessStatus } from '../events.js';
import type { CallbackUrls } from '../params/params.js';
import { acquirerCodeIn, callbackMatch } from './callback-urls.js';
import type { PageMessage } from './page-protocol.js';
import { outcomeOfStatus } from './status.js';
import type { OwnCallbackUrls } from './request.js';

/** What a page message means for the attempt. */
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
  /** The callback URLs as sent to KTPay (see `callbacksToSend`: coinciding ones marked apart). */
  callbacks: CallbackUrls;
  own?: OwnCallbackUrls | undefined;
}

export function outcomeOf(message: PageMessage, context: OutcomeContext): PageOutcome {
  const { callbacks, own } = context;
  switch (message.kind) {
    case 'close':
      return { kind: 'cancel' };

    case 'navigate': {
      const url = message.url;
      const best = (candidates: (URL | undefined)[]) => Math.max(-1, ...candidates.map((u) => callbackMatch(url, u)));
      const scores = {
        success: best([callbacks.forceSuccess, callbacks.success, own?.success]),
        failed: best([callbacks.forceFailed, callbacks.failed, own?.failed]),
        back: best([callbacks.forceBack, callbacks.back]),
      };
      const top = Math.max(scores.success, scores.failed, scores.back);
      if (top < 0) return { kind: 'none' };
      // The most specific match wins. A tie is never a success: a failure where the page appended
      // an acquirer code (it does so only to failures), else unknown.
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

    case 'result': {
      // A result about another order is not ours, whatever window sent it.
      if (message.orderId !== undefined && message.orderId !== context.orderId) return { kind: 'none' };
      const hash = message.transactionHash ? { transactionHash: message.transactionHash } : {};
      if (outcomeOfStatus(message.status) === 'paid') return { kind: 'success', status: message.status as KtpaySuccessStatus, ...hash };
      if (message.status === 'pending') return { kind: 'none' };
      const { code, errorType, message: text } = message.error ?? {};
      let failure: Failure;
      if (code !== undefined) {
        failure = errorType ? { source: 'acquirer', code, errorType } : { source: 'acquirer', code };
      } else {
        failure = { source: 'api', code: null };
        if (errorType) failure.errorType = errorType;
        if (text) failure.serverMessage = text;
      }
      return { kind: 'failed', failure, ...hash };
    }
  }
}
