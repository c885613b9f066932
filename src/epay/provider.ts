import { outcomeOfCallbackUrl } from '../core/outcome.js';
import { closedMeanwhile, type PaymentProvider } from '../core/provider.js';
import { requestEpayToken } from './auth.js';
import { readEpayConnection, type EpayConnection } from './connection.js';
import { epayScriptOrigin } from './endpoints.js';
import { loadHalykScript } from './halyk-script.js';
import { showHalykWidget } from './halyk-widget.js';
import { toEpayPaymentObject } from './payment-object.js';

/**
 * Halyk ePay directly: a token for the order from the merchant's server (`auth-url`) and Halyk's
 * script, fetched at once; then Halyk's widget, an overlay of Halyk's own, or in `mode="redirect"`
 * Halyk's form in the whole window. There is no transaction before the buyer pays, so no page to
 * announce and no receipt.
 */
export const epayProvider: PaymentProvider<EpayConnection> = {
  name: 'epay',
  readConnection: readEpayConnection,
  merchantKey: (connection) => `epay:${connection.terminal}`,

  prepare(connection, { payment, mode, callbacks }) {
    const { timeoutMs } = connection;
    return {
      async send(context) {
        const { signal } = context;
        context.enter('creating');
        const token = requestEpayToken({ authUrl: connection.authUrl, invoiceId: payment.orderId, amount: payment.amount, currency: connection.currency, timeoutMs, signal });
        const halyk = loadHalykScript(connection.scriptUrl, timeoutMs, signal);
        token.catch(() => {}); // read below, once the modal is open
        halyk.catch(() => {});
        if (!(await context.opened) || signal.aborted) closedMeanwhile(signal);
        const auth = await token;
        if (signal.aborted) closedMeanwhile(signal);
        context.enter('acquirer');
        const api = await halyk;
        if (signal.aborted) closedMeanwhile(signal);
        const object = toEpayPaymentObject({ payment, connection, token: auth, lang: context.lang(), callbacks });
        if (mode === 'redirect') return { kind: 'redirect', go: () => (connection.operation === 'p2p' ? api.p2p(object) : api.pay(object)) };
        return {
          kind: 'overlay',
          show: ({ onEscape, signal }) => showHalykWidget(api, object, { onEscape, signal }),
        };
      },
      receiptUrl: () => undefined,
    };
  },

  readReturn: outcomeOfCallbackUrl,

  warmUp(input, baseUrl) {
    // Halyk's script and its form: ordinary (credentialed) fetches and navigations. No sealing.
    const origin = epayScriptOrigin(input, baseUrl);
    return origin ? [{ origin, anonymous: false }] : [];
  },
};
