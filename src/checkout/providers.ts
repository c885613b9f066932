import type { CheckoutProvider } from '../events.js';
import { readEpayConnection, type EpayConnection } from '../epay/connection.js';
import { readKtpayConnection, type Connection } from '../ktpay/connection.js';
import { readParams, type CheckoutInput, type FieldProblems, type ParamsResult } from '../params/params.js';
import { text } from '../params/text.js';

type Ok<C> = Extract<ParamsResult<C>, { ok: true }>;

/** The parameters of one Pay, read by the chosen provider's reader. */
export type CheckoutParams =
  | ({ provider: 'ktpay' } & Ok<Connection>)
  | ({ provider: 'epay' } & Ok<EpayConnection>)
  | { ok: false; provider: CheckoutProvider; orderId: string; fields: FieldProblems };

/** `provider`: `ktpay` unless set; anything else is undefined (a validation error). */
export function providerOf(input: CheckoutInput): CheckoutProvider | undefined {
  const given = text(input.provider) ?? 'ktpay';
  return given === 'ktpay' || given === 'epay' ? given : undefined;
}

/** Reads the common parameters and the chosen provider's own. */
export function readCheckoutParams(input: CheckoutInput, baseUrl: string): CheckoutParams {
  const provider = providerOf(input);
  if (provider === 'epay') {
    const read = readParams(input, baseUrl, readEpayConnection);
    return { ...read, provider };
  }
  const read = readParams(input, baseUrl, readKtpayConnection);
  if (provider === undefined) {
    // An unknown provider: say so, with whatever else is wrong for KTPay, the default.
    const fields = read.ok ? {} : read.fields;
    return { ok: false, provider: 'ktpay', orderId: text(input.orderId) ?? '', fields: { ...fields, provider: ['provider'] } };
  }
  return { ...read, provider };
}

/** The key that tells one merchant's orders from another's on the page (paid orders, return trips). */
export function merchantKey(params: { provider: 'ktpay'; connection: Connection } | { provider: 'epay'; connection: EpayConnection }): string {
  return params.provider === 'ktpay' ? params.connection.appId : `epay:${params.connection.terminal}`;
}
