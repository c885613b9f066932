import { decodeAppKey } from '../crypto/app-key.js';
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
}

/** The merchant's own redirect targets, each already proven absolute http(s). */
export interface CallbackUrls {
  back?: URL;
  success?: URL;
  failed?: URL;
  post?: URL;
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

/** How to reach the provider for this payment. */
export interface Connection {
  appId: string;
  appKey: Uint8Array;
  testMode: boolean;
  apiUrl?: URL;
  widgetUrl?: URL;
  /** Every wait (crypto, request, answer body) ends after this. */
  timeoutMs: number;
}

/** Where the payment page shows: in the element's modal, or instead of the merchant's page. */
export type CheckoutMode = 'modal' | 'redirect';

export type FieldProblems = Partial<Record<AttributeName, FieldProblem[]>>;

export type ParamsResult =
  | {
      ok: true;
      payment: Payment;
      connection: Connection;
      mode: CheckoutMode;
      /** The page's query parameters the element's own return URLs keep (`return-params`). */
      returnParams: string[];
    }
  | { ok: false; orderId: string; fields: FieldProblems };


/** Attribute names, used to name bad fields the way the merchant wrote them. */
export const ATTRIBUTE_NAMES = {
  appId: 'app-id',
  appKey: 'app-key',
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
} as const satisfies Record<keyof CheckoutInput, string>;

export type AttributeName = (typeof ATTRIBUTE_NAMES)[keyof typeof ATTRIBUTE_NAMES];

const CALLBACKS = {
  back: 'callbackBackUrl',
  success: 'callbackSuccessUrl',
  failed: 'callbackFailedUrl',
  post: 'callbackPostUrl',
  forceBack: 'callbackForceBackUrl',
  forceSuccess: 'callbackForceSuccessUrl',
  forceFailed: 'callbackForceFailedUrl',
} as const satisfies Record<keyof CallbackUrls, keyof CheckoutInput>;

/** A decimal with at most two places, as KTPay takes amounts; no exponents, no commas. */
const AMOUNT = /^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;
const POSITIVE_INTEGER = /^[1-9]\d*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Validates everything before anything is sent. Every bad field is reported, not just the first,
 * so a merchant fixes their markup in one go. `baseUrl` resolves relative `api-url` and
 * `widget-url` (handy for the sandbox); callback URLs must be absolute because KTPay's servers
 * use them.
 */
export function readParams(input: CheckoutInput, baseUrl: string): ParamsResult {
  const fields: FieldProblems = {};
  const problem = (key: keyof CheckoutInput, kind: FieldProblem) => {
    (fields[ATTRIBUTE_NAMES[key]] ??= []).push(kind);
  };
  const required = (key: keyof CheckoutInput) => {
    const value = text(input[key]);
    if (value === undefined) problem(key, 'required');
    return value;
  };

  const appId = required('appId');
  const appKeyText = required('appKey');
  const appKey = appKeyText === undefined ? null : decodeAppKey(appKeyText);
  if (appKeyText !== undefined && appKey === null) problem('appKey', 'app-key');

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

  const endpoint = (key: 'apiUrl' | 'widgetUrl') => {
    const value = text(input[key]);
    if (value === undefined) return undefined;
    const url = parseHttpUrl(value, baseUrl);
    if (!url) problem(key, 'url');
    return url ?? undefined;
  };
  const apiUrl = endpoint('apiUrl');
  const widgetUrl = endpoint('widgetUrl');

  const email = text(input.email);
  if (email !== undefined && !EMAIL.test(email)) problem('email', 'email');

  const timeoutMs = readTimeoutMs(input.timeout);
  if (timeoutMs === undefined) problem('timeout', 'timeout');

  const mode = text(input.mode) ?? 'modal';
  if (mode !== 'modal' && mode !== 'redirect') problem('mode', 'mode');

  if (Object.keys(fields).length > 0 || !appId || !appKey || !orderId || !timeoutMs) {
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

  const connection: Connection = {
    appId,
    appKey,
    testMode: input.testMode === true,
    timeoutMs,
  };
  if (apiUrl) connection.apiUrl = apiUrl;
  if (widgetUrl) connection.widgetUrl = widgetUrl;
  const returnParams = (text(input.returnParams) ?? '').split(/[\s,]+/).filter(Boolean);
  return { ok: true, payment, connection, mode: mode as CheckoutMode, returnParams };
}
