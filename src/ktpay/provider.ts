import { navigateTo } from '../core/navigate.js';
import { outcomeOfCallbackUrl } from '../core/outcome.js';
import { closedMeanwhile, type ConnectionHint, type Order, type PaymentProvider, type SendContext } from '../core/provider.js';
import { sealAhead, sealerStarted, sealJson, sealNow, warmSealer } from '../crypto/sodium.js';
import { text } from '../params/text.js';
import { parseHttpUrl } from '../params/url.js';
import { createPayment, fetchAcquirerPage, type PaymentPage } from './api.js';
import { readKtpayConnection, type Connection } from './connection.js';
import { ktpayEndpoints, ktpayOrigins, transactionResource } from './endpoints.js';
import { outcomeOf } from './outcome.js';
import { parsePageMessage } from './page-protocol.js';
import { toKtpayRequest } from './request.js';
import { requestServerSeal, sealRequestOf } from './server-seal.js';

/**
 * KTPay: the order sealed (by the merchant's server at `seal-url`, else in the browser with
 * libsodium), POSTed to KTPay, and KTPay's payment page in the element's iframe, or in the whole
 * window with `mode="redirect"`.
 */
export const ktpayProvider: PaymentProvider<Connection> = {
  name: 'ktpay',
  readConnection: readKtpayConnection,
  merchantKey: (connection) => connection.appId,

  prepare(connection, order) {
    const endpoints = ktpayEndpoints(connection);
    const { seal, ahead } = sealerFor(connection, order);
    return {
      readyAhead: ahead,
      async send(context) {
        const { signal } = context;
        const create = async (body: string) => {
          if (signal.aborted) throw signal.reason;
          context.enter('creating');
          return createPayment({ endpoints, appId: connection.appId, body, timeoutMs: connection.timeoutMs, signal });
        };
        // A seal already made goes on the wire in this same call, within the click's task: before
        // the element's re-render and anything else queued behind it.
        const sealed = seal(context);
        const answer = typeof sealed === 'string' ? create(sealed) : sealed.then(create);
        answer.catch(() => {}); // read below, once the modal is open; closed before that, abort ended it
        if (!(await context.opened) || signal.aborted) closedMeanwhile(signal);
        const page = await answer;
        if (order.mode === 'redirect') return { kind: 'redirect', page, go: () => navigateTo(page.url) };
        return {
          kind: 'frame',
          page,
          read: (data, outcome) => {
            const message = parsePageMessage(data);
            return message ? outcomeOf(message, outcome) : { kind: 'none' };
          },
          wholeWindowPage: (signal) => acquirerPageOf(connection, page, signal),
        };
      },
      receiptUrl: (transactionHash) => transactionResource(endpoints.api, transactionHash, 'pdf'),
    };
  },

  readReturn: outcomeOfCallbackUrl,

  warmUp(input, baseUrl) {
    const sealUrl = text(input.sealUrl);
    // Sealed on the merchant's server: nothing of libsodium loads, and nothing is asked of
    // `seal-url` before Pay (a seal is made per Pay).
    if (sealUrl === undefined) warmSealer();
    const origins = ktpayOrigins(input, baseUrl);
    const hints: ConnectionHint[] = [];
    // The API is fetched without credentials (an anonymous connection); the payment page is a
    // navigation of the iframe (a credentialed one); `seal-url` sends cookies on its own origin only.
    if (origins.api) hints.push({ origin: origins.api, anonymous: true });
    if (origins.widget) hints.push({ origin: origins.widget, anonymous: false });
    const sealOrigin = sealUrl === undefined ? undefined : parseHttpUrl(sealUrl, baseUrl)?.origin;
    if (sealOrigin) hints.push({ origin: sealOrigin, anonymous: true });
    return hints;
  },
};

/**
 * How this order's sealed body comes: from the merchant's server (asked per Pay, never ahead), or
 * made here, where `ahead` seals it on the buyer's intent for the first send to take.
 */
function sealerFor(connection: Connection, order: Order): { seal: (context: SendContext) => string | Promise<string>; ahead?: () => void } {
  const { payment, own, nonce, callbacks } = order;
  const { timeoutMs } = connection;
  if (connection.sealUrl) {
    const { sealUrl } = connection;
    const request = sealRequestOf(payment.orderId, payment.amount, callbacks);
    return {
      seal: (context) => {
        context.enter('sealing');
        return requestServerSeal(sealUrl, request, { timeoutMs, signal: context.signal });
      },
    };
  }
  const { appKey } = connection;
  // The exact JSON sealed, built once: Try again resends this same order.
  const requestJson = JSON.stringify(toKtpayRequest(payment, own, nonce));
  // Sealed on intent, for the first send, which bounds the wait from the click; a seal that failed
  // is made again then (and its error told).
  let sealedAhead: Promise<string> | undefined;
  /** The seal made ahead, once it came: the click's send takes it as it is, not a promise later. */
  let sealedAheadCame: string | undefined;
  return {
    ahead: () => {
      if (sealedAhead) return;
      const sealing = (sealedAhead = sealAhead(requestJson, appKey));
      // A failed seal is met again, and told, by the send.
      sealing.then((sealed) => void (sealedAhead === sealing && (sealedAheadCame = sealed)), () => {});
    },
    seal: (context) => {
      const [early, came] = [sealedAhead, sealedAheadCame];
      sealedAhead = sealedAheadCame = undefined;
      if (came !== undefined) return came;
      if (!early) {
        try {
          // libsodium on this thread, started: the order is on the wire within the click's task.
          const sealed = sealNow(requestJson, appKey);
          if (sealed) return sealed;
        } catch (error) {
          return Promise.reject(error);
        }
      }
      const warm = sealerStarted();
      if (!warm) context.enter('sealing');
      const sealing = sealJson(requestJson, appKey, timeoutMs, context.signal, early);
      // A started sealer answers in a message or two: the modal's first drawing waits for it.
      if (warm) context.beforeDrawing(sealing);
      return sealing;
    },
  };
}

/** The acquirer's own page for the whole window, where KTPay names one; else KTPay's page as created. */
function acquirerPageOf(connection: Connection, page: PaymentPage, signal: AbortSignal): Promise<URL | undefined> {
  if (!page.transactionHash) return Promise.resolve(undefined);
  return fetchAcquirerPage({
    endpoints: ktpayEndpoints(connection),
    appId: connection.appId,
    transactionHash: page.transactionHash,
    timeoutMs: connection.timeoutMs,
    signal,
  });
}
