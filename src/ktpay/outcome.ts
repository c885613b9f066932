import type { Failure } from '../checkout/failure.js';
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
  | { kind: 'none' };

export interface OutcomeContext {
  orderId: string;
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
      const success = best([callbacks.forceSuccess, callbacks.success, own?.success]);
      const failed = best([callbacks.forceFailed, callbacks.failed, own?.failed]);
      const back = best([callbacks.forceBack, callbacks.back]);
      const code = acquirerCodeIn(url);
      // The most specific match wins; a tie between success and failed (one URL for both) is
      // settled by the acquirer code the page appends to failures.
      if (success >= 0 && (success > failed || (success === failed && !code))) {
        return { kind: 'success', status: 'success', received: url };
      }
      if (failed >= 0) {
        const failure: Failure = code ? { source: 'acquirer', code } : { source: 'api', code: null };
        return { kind: 'failed', failure, received: url };
      }
      if (back >= 0) return { kind: 'cancel', received: url };
      return { kind: 'none' };
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
