import { CALLBACK_ERROR_TYPES, type KtpayCallback } from '../ktpay/callback.js';
import { TRANSACTION_STATUSES } from '../ktpay/status.js';
import { dateTime, id, nullable, number, object, oneOf, optional, readBodyShape, text, type Parsed } from './fields.js';

const CALLBACK_SHAPE = {
  merchant_id: number({ integer: true, min: 0 }),
  order_id: id(),
  description: nullable(text({ empty: true })),
  amount: number({ min: 0 }),
  transaction_hash: id(),
  created_at: dateTime,
  updated_at: nullable(dateTime),
  status: object({
    status: oneOf(TRANSACTION_STATUSES),
    created_at: dateTime,
    updated_at: nullable(dateTime),
    error: nullable(
      object({
        error_type: oneOf(CALLBACK_ERROR_TYPES),
        error_message: nullable(text({ empty: true })),
        code: optional(id()),
      }),
    ),
  }),
};

/**
 * Reads the JSON KTPay POSTs to `callback_post_url` (seed 000). `body` is the raw body (a string
 * or bytes) or JSON a framework already parsed. Gives the callback typed and normalised (numbers
 * sent as strings read as numbers, ids as strings, a missing `description` or `error` as null),
 * or every problem with it. Fields KTPay may add later are ignored.
 */
export function parseCallback(body: unknown): Parsed<'callback', KtpayCallback> {
  const read = readBodyShape(body, CALLBACK_SHAPE);
  return read.ok ? { ok: true, callback: read.value } : read;
}
