import type { ConnectionReader } from '../params/params.js';
import { text } from '../params/text.js';
import { epayEndpoints } from './endpoints.js';

/** How to reach Halyk ePay for this payment. */
export interface EpayConnection {
  /** ePay's terminal id (seed 003's TerminalID). */
  terminal: string;
  /** The merchant's own endpoint that answers an ePay token for the order. */
  authUrl: URL;
  /** ISO 4217; `KZT` unless set. */
  currency: string;
  cardSave: boolean;
  /** `pay` (a card payment) or `p2p` (a transfer, seed 003's `halyk.p2p`); in `mode="redirect"` only. */
  operation: 'pay' | 'p2p';
  /** Where Halyk's payment-api.js is loaded from. */
  scriptUrl: URL;
  testMode: boolean;
  timeoutMs: number;
}

/** Seed 003: ePay's invoiceId is digits only, 6 to 15 of them. */
const INVOICE_ID = /^\d{6,15}$/;

/**
 * ePay's own parameters: `terminal`, `auth-url` (both required), `currency`, `card-save`,
 * `epay-operation`, `epay-script-url` (else Halyk's host for `test-mode`); and ePay's rule for
 * `order-id`, which becomes its invoiceId.
 */
export const readEpayConnection: ConnectionReader<EpayConnection> = (fields, { orderId, testMode, timeoutMs }) => {
  const { input } = fields;
  const terminal = fields.required('terminal');
  const authUrl = fields.required('authUrl') === undefined ? undefined : fields.endpoint('authUrl');
  if (orderId !== undefined && !INVOICE_ID.test(orderId)) fields.problem('orderId', 'invoice-id');
  const currency = (text(input.currency) ?? 'KZT').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) fields.problem('currency', 'currency');
  const operation = text(input.epayOperation) ?? 'pay';
  if (operation !== 'pay' && operation !== 'p2p') fields.problem('epayOperation', 'epay-operation');
  const scriptUrl = fields.endpoint('epayScriptUrl') ?? new URL(epayEndpoints(testMode).script);
  if (!terminal || !authUrl || !timeoutMs) return undefined;
  return {
    terminal,
    authUrl,
    currency,
    cardSave: input.cardSave === true || (typeof input.cardSave === 'string' && input.cardSave !== 'false'),
    operation: operation as EpayConnection['operation'],
    scriptUrl,
    testMode,
    timeoutMs,
  };
};
