// ktpay-checkout/server: the merchant's server half, for Node 20+. No DOM, no framework. The
// browser's outcome is a hint; orders are fulfilled on what these read.
export {
  CALLBACK_ACK,
  CALLBACK_ERROR_TYPES,
  CALLBACK_RETRY_DELAYS_MS,
  type CallbackError,
  type CallbackErrorType,
  type KtpayCallback,
} from '../ktpay/callback.js';
export { TRANSACTION_STATUSES, outcomeOfStatus, type TransactionOutcome, type TransactionStatus } from '../ktpay/status.js';
export { describeError } from '../i18n/describe-error.js';
export { createCallbackHandler, deliveryKey, type CallbackHandler, type CallbackHandlerOptions } from './callback-handler.js';
export { memoryStore, type Claim, type DeliveryStore } from './delivery-store.js';
export { redisStore, type RedisCommands, type RedisStoreOptions } from './redis-store.js';
export type { FieldProblem, Parsed } from './fields.js';
export { parseCallback } from './parse-callback.js';
export { parseEpayPostLink, type EpayPostLink, type EpayPostLinkOptions } from './parse-epay-post-link.js';
