import type { Failure } from '../checkout/failure.js';
import type { KtpaySuccessStatus } from '../events.js';
import type { CallbackUrls } from '../params/params.js';
import { acquirerCodeIn, isCallbackUrl } from './callback-urls.js';
import type { PageMessage } from './page-protocol.js';
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

const SUCCESS: ReadonlySet<string> = new Set(['authorized', 'success', 'completed']);

export function outcomeOf(message: PageMessage, context: OutcomeContext): PageOutcome {
  const { callbacks, own } = context;
  switch (message.kind) {
    case 'close':
      return { kind: 'cancel' };

    case 'navigate': {
      const url = message.url;
      if ([callbacks.forceSuccess, callbacks.success, own?.success].some((u) => isCallbackUrl(url, u))) {
        return { kind: 'success', status: 'success', received: url };
      }
      if ([callbacks.forceFailed, callbacks.failed, own?.failed].some((u) => isCallbackUrl(url, u))) {
        const code = acquirerCodeIn(url);
        const failure: Failure = code ? { source: 'acquirer', code } : { source: 'api', code: null };
        return { kind: 'failed', failure, received: url };
      }
      if ([callbacks.forceBack, callbacks.back].some((u) => isCallbackUrl(url, u))) {
        return { kind: 'cancel', received: url };
      }
      return { kind: 'none' };
    }

    case 'result': {
      // A result about another order is not ours, whatever window sent it.
      if (message.orderId !== undefined && message.orderId !== context.orderId) return { kind: 'none' };
      const hash = message.transactionHash ? { transactionHash: message.transactionHash } : {};
      if (SUCCESS.has(message.status)) return { kind: 'success', status: message.status as KtpaySuccessStatus, ...hash };
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
