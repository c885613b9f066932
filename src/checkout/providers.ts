import type { OutcomeContext, PageOutcome } from '../core/outcome.js';
import type { ConnectionHint, Order, PaymentProvider, PreparedPayment } from '../core/provider.js';
import { epayProvider } from '../epay/provider.js';
import type { CheckoutProvider } from '../events.js';
import { ktpayProvider } from '../ktpay/provider.js';
import { readParams, type CheckoutInput, type FieldProblems, type ParamsResult } from '../params/params.js';
import { text } from '../params/text.js';

/** Every provider by its `provider` attribute's value. */
const PROVIDERS = { ktpay: ktpayProvider, epay: epayProvider } as const satisfies Record<CheckoutProvider, unknown>;

type Read = Omit<Extract<ParamsResult<unknown>, { ok: true }>, 'connection'>;

/** The parameters of one Pay, read by the chosen provider, which they are bound to. */
export type CheckoutParams =
  | (Read & {
      ok: true;
      provider: CheckoutProvider;
      /** Tells this merchant's orders from another's on the page (paid orders, return trips). */
      merchantKey: string;
      prepare(order: Order): PreparedPayment;
      readReturn(url: URL, context: OutcomeContext): PageOutcome;
    })
  | { ok: false; provider: CheckoutProvider; orderId: string; fields: FieldProblems };

/** `provider`: `ktpay` unless set; anything else is undefined (a validation error). */
export function providerOf(input: CheckoutInput): CheckoutProvider | undefined {
  const given = text(input.provider) ?? 'ktpay';
  return given === 'ktpay' || given === 'epay' ? given : undefined;
}

/** Reads the common parameters and the chosen provider's own. */
export function readCheckoutParams(input: CheckoutInput, baseUrl: string): CheckoutParams {
  const name = providerOf(input);
  const read = bind(PROVIDERS[name ?? 'ktpay'] as PaymentProvider<unknown>, input, baseUrl);
  if (name !== undefined) return read;
  // An unknown provider: say so, with whatever else is wrong for KTPay, the default.
  const fields = read.ok ? {} : read.fields;
  return { ok: false, provider: 'ktpay', orderId: text(input.orderId) ?? '', fields: { ...fields, provider: ['provider'] } };
}

/** On the buyer's intent: the chosen provider warms up, and names the connections to open. */
export function warmUpFor(input: CheckoutInput, baseUrl: string): ConnectionHint[] {
  return PROVIDERS[providerOf(input) ?? 'ktpay'].warmUp(input, baseUrl);
}

function bind<C>(provider: PaymentProvider<C>, input: CheckoutInput, baseUrl: string): CheckoutParams {
  const read = readParams(input, baseUrl, provider.readConnection);
  if (!read.ok) return { ...read, provider: provider.name };
  const { connection, ...params } = read;
  return {
    ...params,
    provider: provider.name,
    merchantKey: provider.merchantKey(connection),
    prepare: (order) => provider.prepare(connection, order),
    readReturn: provider.readReturn,
  };
}
