import type { Failure } from '../core/failure.js';
import { outcomeOfCallbackUrl, type OutcomeContext, type PageOutcome } from '../core/outcome.js';
import type { KtpaySuccessStatus } from '../events.js';
import type { PageMessage } from './page-protocol.js';
import { outcomeOfStatus } from './status.js';

export type { OutcomeContext, PageOutcome };

/** What a message of KTPay's payment page means for the attempt. */
export function outcomeOf(message: PageMessage, context: OutcomeContext): PageOutcome {
  switch (message.kind) {
    case 'close':
      return { kind: 'cancel' };

    case 'navigate':
      return outcomeOfCallbackUrl(message.url, context);

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
