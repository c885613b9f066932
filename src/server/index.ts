// ktpay-checkout/server: the merchant's server half, for Node 20+ and any Fetch API runtime (every
// handler is Node's `(req, res)` and has `.fetch`). No DOM, no framework, no `node:` module. The
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
export { ktpayCallbackUrl } from './callback-token.js';
export { createKtpaySealHandler, type KtpaySealHandlerOptions } from './ktpay-seal-handler.js';
export type { KtpayOrder } from './ktpay-order.js';
export { memoryStore, type Claim, type DeliveryStore } from './delivery-store.js';
export { redisStore, type RedisCommands, type RedisStoreOptions } from './redis-store.js';
export type { FieldProblem, Parsed } from './fields.js';
export { parseCallback } from './parse-callback.js';
export { parseEpayPostLink, type EpayPostLink, type EpayPostLinkOptions } from './parse-epay-post-link.js';
export { EPAY_ENDPOINTS, epayEndpoints, type EpayEnvironment } from '../epay/endpoints.js';
export { EPAY_PAYMENT_SCOPE, EPAY_STATUS_SCOPE, type EpayToken } from '../epay/token.js';
export {
  EPAY_RESULT_CODES,
  EPAY_STATUS_NAMES,
  outcomeOfEpayStatusName,
  type EpayOutcome,
  type EpayResultCode,
  type EpayStatus,
  type EpayStatusName,
  type EpayTransaction,
} from '../epay/status.js';
export { EpayError, EpayStatusError, EpayTokenError, type EpayFailureReason } from './epay-error.js';
export type { EpayCallOptions } from './epay-fetch.js';
export { requestEpayToken, type EpayCredentials, type EpayTokenHost, type EpayTokenOptions } from './epay-token.js';
export { createEpayAuthHandler, type EpayAuthHandlerOptions, type EpayOrder } from './epay-auth-handler.js';
export { createEpayPostLinkHandler, epayDeliveryKey, type EpayPostLinkHandlerOptions } from './epay-post-link-handler.js';
export { getEpayStatus, type EpayStatusOptions } from './epay-status.js';
export { EpayConfirmationError, type EpayConfirmOptions } from './epay-confirm.js';
export type { RequestHandler, ServerRequest } from './endpoint.js';
