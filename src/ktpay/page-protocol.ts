import { parseHttpUrl } from '../params/url.js';
import { TRANSACTION_STATUSES, type TransactionStatus } from './status.js';
import { isTransactionHash } from './transaction-hash.js';

/** What KTPay's payment page (or the sandbox page) can tell the element. */
export type PageMessage =
  | { kind: 'close' }
  | { kind: 'navigate'; url: URL }
  | {
      kind: 'result';
      status: PageStatus;
      orderId?: string;
      transactionHash?: string;
      error?: { errorType?: string; code?: string; message?: string };
    };

export const PAGE_STATUSES = TRANSACTION_STATUSES;
export type PageStatus = TransactionStatus;

/** Longer strings are not messages of this protocol (and never worth parsing). */
const MAX_STRING = 4096;

const own = (data: object, key: string): unknown => (Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined);
const optionalText = (value: unknown) =>
  typeof value === 'string' && value !== '' && value.length <= MAX_STRING ? value : undefined;
const codeText = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : optionalText(value);

/**
 * Reads a message's data. Two dialects: the published page's strings (`"close"`, or a URL it
 * wants the buyer sent to) and the structured `{ type: "ktpay:result", … }`. Reads only own
 * properties of the fields it knows; anything else is null and ignored.
 */
export function parsePageMessage(data: unknown): PageMessage | null {
  if (typeof data === 'string') {
    if (data.length > MAX_STRING) return null;
    if (data.trim() === 'close') return { kind: 'close' };
    const url = parseHttpUrl(data.trim());
    return url ? { kind: 'navigate', url } : null;
  }
  if (typeof data !== 'object' || data === null || own(data, 'type') !== 'ktpay:result') return null;
  const status = own(data, 'status');
  if (!PAGE_STATUSES.includes(status as PageStatus)) return null;
  const message: Extract<PageMessage, { kind: 'result' }> = { kind: 'result', status: status as PageStatus };
  const rawOrderId = own(data, 'order_id');
  const orderId = codeText(rawOrderId);
  // A result naming an order we cannot read (an object, 1 MB of text) is not about this order.
  if (rawOrderId !== undefined && rawOrderId !== null && orderId === undefined) return null;
  // A hash not of the hash's shape is not taken (the created answer's stays): no URL is built from it.
  const rawHash = own(data, 'transaction_hash');
  const transactionHash = isTransactionHash(rawHash) ? rawHash : undefined;
  if (orderId !== undefined) message.orderId = orderId;
  if (transactionHash !== undefined) message.transactionHash = transactionHash;
  const error = own(data, 'error');
  if (typeof error === 'object' && error !== null) {
    const errorType = optionalText(own(error, 'error_type'));
    const code = codeText(own(error, 'code'));
    const text = optionalText(own(error, 'error_message'));
    message.error = {};
    if (errorType !== undefined) message.error.errorType = errorType;
    if (code !== undefined) message.error.code = code;
    if (text !== undefined) message.error.message = text;
  }
  return message;
}
