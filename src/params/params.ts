import type { FieldProblem } from '../i18n/messages.js';
import { text } from './text.js';
import { readTimeoutMs } from './timeout.js';
import { parseHttpUrl } from './url.js';

/**
 * What the merchant set on the element, as the element's properties hold it (attributes arrive as
 * strings; properties may carry numbers or booleans). Read once per Pay, so attributes changed
 * while a payment is in flight never change that payment.
 */
export interface CheckoutInput {
  appId?: string | null;
  appKey?: string | null;
  sealUrl?: string | null;
  testMode?: boolean;
  apiUrl?: string | null;
  widgetUrl?: string | null;
  orderId?: string | number | null;
  amount?: string | number | null;
  type?: string | null;
  serviceId?: string | number | null;
  contractValue?: string | number | null;
  description?: string | null;
  callbackBackUrl?: string | null;
  callbackSuccessUrl?: string | null;
  callbackFailedUrl?: string | null;
  callbackPostUrl?: string | null;
  callbackForceBackUrl?: string | null;
  callbackForceSuccessUrl?: string | null;
  callbackForceFailedUrl?: string | null;
  merchantUserId?: string | number | null;
  phone?: string | null;
  email?: string | null;
  showCloseButton?: string | boolean | null;
  timeout?: string | number | null;
  mode?: string | null;
  returnParams?: string | null;
  provider?: string | null;
  terminal?: string | null;
  authUrl?: string | null;
  currency?: string | null;
  cardSave?: string | boolean | null;
  epayOperation?: string | null;
  epayScriptUrl?: string | null;
  callbackFailedPostUrl?: string | null;
}

/** The merchant's own redirect targets, each already proven absolute http(s). */
export interface CallbackUrls {
  back?: URL;
  success?: URL;
  failed?: URL;
  post?: URL;
  /** Where a failure is POSTed, where the provider takes one apart (ePay's `failurePostLink`). */
  failedPost?: URL;
  forceBack?: URL;
  forceSuccess?: URL;
  forceFailed?: URL;
}

/** A payment, independent of the provider that carries it. */
export interface Payment {
  orderId: string;
  amount: number;
  type: 'ecom' | 'service';
  service?: { serviceId: number; contractValue: string };
  description?: string;
  callbacks: CallbackUrls;
  user: { merchantUserId?: string; phone?: string; email?: string };
  /** Only ever `false`: the provider's default (shown) is left to the provider. */
  showCloseButton?: false;
}

/** Where the payment page shows: in the element's modal, or instead of the merchant's page. */
export type CheckoutMode = 'modal' | 'redirect';

export type FieldProblems = Partial<Record<AttributeName, FieldProblem[]>>;

export type ParamsResult<C> =
  | {
      ok: true;
      payment: Payment;
      /** How to reach the provider, as its own reader read it. */
      connection: C;
      mode: CheckoutMode;
      /** The page's query parameters the element's own return URLs keep (`return-params`). */
      returnParams: string[];
      /** What any single wait of the payment may take (`timeout`). */
      timeoutMs: number;
    }
  | { ok: false; orderId: string; fields: FieldProblems };


/** Attribute names, used to name bad fields the way the merchant wrote them. */
export const ATTRIBUTE_NAMES = {
  appId: 'app-id',
  appKey: 'app-key',
  sealUrl: 'seal-url',
  testMode: 'test-mode',
  apiUrl: 'api-url',
  widgetUrl: 'widget-url',
  orderId: 'order-id',
  amount: 'amount',
  type: 'type',
  serviceId: 'service-id',
  contractValue: 'contract-value',
  description: 'description',
  callbackBackUrl: 'callback-back-url',
  callbackSuccessUrl: 'callback-success-url',
  callbackFailedUrl: 'callback-failed-url',
  callbackPostUrl: 'callback-post-url',
  callbackForceBackUrl: 'callback-force-back-url',
  callbackForceSuccessUrl: 'callback-force-success-url',
  callbackForceFailedUrl: 'callback-force-failed-url',
  merchantUserId: 'merchant-user-id',
  phone: 'phone',
  email: 'email',
  showCloseButton: 'show-close-button',
  timeout: 'timeout',
  mode: 'mode',
  returnParams: 'return-params',
  provider: 'provider',
  terminal: 'terminal',
  authUrl: 'auth-url',
  currency: 'currency',
  cardSave: 'card-save',
  epayOperation: 'epay-operation',
  epayScriptUrl: 'epay-script-url',
  callbackFailedPostUrl: 'callback-failed-post-url',
} as const satisfies Record<keyof CheckoutInput, string>;

export type AttributeName = (typeof ATTRIBUTE_NAMES)[keyof typeof ATTRIBUTE_NAMES];

const CALLBACKS = {
  back: 'callbackBackUrl',
  success: 'callbackSuccessUrl',
  failed: 'callbackFailedUrl',
  post: 'callbackPostUrl',
  failedPost: 'callbackFailedPostUrl',
  forceBack: 'callbackForceBackUrl',
  forceSuccess: 'callbackForceSuccessUrl',
  forceFailed: 'callbackForceFailedUrl',
} as const satisfies Record<keyof CallbackUrls, keyof CheckoutInput>;

/** A decimal with at most two places, as KTPay takes amounts; no exponents, no commas. */
const AMOUNT = /^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;
const POSITIVE_INTEGER = /^[1-9]\d*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How a provider's reader sees the parameters: it reads its own and reports their problems here. */
export interface FieldReader {
  readonly input: CheckoutInput;
  problem(key: keyof CheckoutInput, kind: FieldProblem): void;
  /** The trimmed value, or undefined and a `required` problem. */
  required(key: keyof CheckoutInput): string | undefined;
  /** An endpoint: an http(s) URL, relative ones resolved against the page; undefined if unset or bad (reported). */
  endpoint(key: keyof CheckoutInput): URL | undefined;
}

/** What every provider's connection needs from the common parameters. */
export interface CommonParams {
  orderId: string | undefined;
  testMode: boolean;
  timeoutMs: number | undefined;
}

/**
 * A provider's own parameters (KTPay's app id and key, ePay's terminal and auth-url…): the
 * connection, or undefined when a problem was reported. Each provider keeps its reader in its own
 * folder; the checkout picks one by `provider`.
 */
export type ConnectionReader<C> = (fields: FieldReader, common: CommonParams) => C | undefined;

/**
 * Validates everything before anything is sent. Every bad field is reported, not just the first,
 * so a merchant fixes their markup in one go. `baseUrl` resolves relative endpoints (handy for
 * the sandbox); callback URLs must be absolute because the provider's servers use them.
 */
export function readParams<C>(input: CheckoutInput, baseUrl: string, readConnection: ConnectionReader<C>): ParamsResult<C> {
  const fields: FieldProblems = {};
  const problem = (key: keyof CheckoutInput, kind: FieldProblem) => {
    (fields[ATTRIBUTE_NAMES[key]] ??= []).push(kind);
  };
  const required = (key: keyof CheckoutInput) => {
    const value = text(input[key]);
    if (value === undefined) problem(key, 'required');
    return value;
  };
  const endpoint = (key: keyof CheckoutInput) => {
    const value = text(input[key]);
    if (value === undefined) return undefined;
    const url = parseHttpUrl(value, baseUrl);
    if (!url) problem(key, 'url');
    return url ?? undefined;
  };

  const orderId = required('orderId');
  const amountText = required('amount');
  const amount = amountText !== undefined && AMOUNT.test(amountText) ? Number(amountText) : NaN;
  if (amountText !== undefined && !(amount > 0)) problem('amount', 'amount');

  const type = text(input.type) ?? 'ecom';
  if (type !== 'ecom' && type !== 'service') problem('type', 'type');
  let service: Payment['service'];
  if (type === 'service') {
    const serviceId = required('serviceId');
    if (serviceId !== undefined && !POSITIVE_INTEGER.test(serviceId)) problem('serviceId', 'service-id');
    const contractValue = required('contractValue');
    if (serviceId !== undefined && contractValue !== undefined && POSITIVE_INTEGER.test(serviceId)) {
      service = { serviceId: Number(serviceId), contractValue };
    }
  }

  const callbacks: CallbackUrls = {};
  for (const [name, key] of Object.entries(CALLBACKS) as [keyof CallbackUrls, keyof CheckoutInput][]) {
    const value = text(input[key]);
    if (value === undefined) continue;
    const url = parseHttpUrl(value);
    if (url) callbacks[name] = url;
    else problem(key, 'url');
  }

  const email = text(input.email);
  if (email !== undefined && !EMAIL.test(email)) problem('email', 'email');

  const timeoutMs = readTimeoutMs(input.timeout);
  if (timeoutMs === undefined) problem('timeout', 'timeout');

  const mode = text(input.mode) ?? 'modal';
  if (mode !== 'modal' && mode !== 'redirect') problem('mode', 'mode');

  const connection = readConnection({ input, problem, required, endpoint }, { orderId, testMode: input.testMode === true, timeoutMs });

  if (Object.keys(fields).length > 0 || connection === undefined || !orderId || !timeoutMs) {
    return { ok: false, orderId: orderId ?? '', fields };
  }

  const user: Payment['user'] = {};
  const merchantUserId = text(input.merchantUserId);
  const phone = text(input.phone);
  if (merchantUserId !== undefined) user.merchantUserId = merchantUserId;
  if (phone !== undefined) user.phone = phone;
  if (email !== undefined) user.email = email;

  const payment: Payment = { orderId, amount, type: type as Payment['type'], callbacks, user };
  if (service) payment.service = service;
  const description = text(input.description);
  if (description !== undefined) payment.description = description;
  if (input.showCloseButton === false || text(input.showCloseButton) === 'false') payment.showCloseButton = false;

  const returnParams = (text(input.returnParams) ?? '').split(/[\s,]+/).filter(Boolean);
  return { ok: true, payment, connection, mode: mode as CheckoutMode, returnParams, timeoutMs };
}
