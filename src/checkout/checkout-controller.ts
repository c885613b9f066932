import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CryptoUnavailableError, sealerStarted, sealJson, sealNow } from '../crypto/sodium.js';
import {
  emit,
  withProvider,
  type CheckoutProvider,
  type KtpayCloseDetail,
  type KtpayFailedDetail,
  type KtpayResult,
  type KtpaySuccessDetail,
  type KtpaySuccessStatus,
} from '../events.js';
import type { Lang, Messages } from '../i18n/messages.js';
import { requestEpayToken } from '../epay/auth.js';
import type { EpayConnection } from '../epay/connection.js';
import { loadHalykScript } from '../epay/halyk-script.js';
import { showHalykWidget } from '../epay/halyk-widget.js';
import { toEpayPaymentObject } from '../epay/payment-object.js';
import { createPayment, fetchAcquirerPage, type PaymentPage } from '../ktpay/api.js';
import { callbacksToSend, ownCallbackUrls } from '../ktpay/callback-urls.js';
import { mayBeReturnFromPaymentPage } from '../ktpay/own-callback-marker.js';
import { ktpayEndpoints, transactionResource } from '../ktpay/endpoints.js';
import { outcomeOf, type OutcomeContext, type PageOutcome } from '../ktpay/outcome.js';
import { parsePageMessage } from '../ktpay/page-protocol.js';
import type { Connection } from '../ktpay/connection.js';
import { toKtpayRequest, type OwnCallbackUrls } from '../ktpay/request.js';
import type { CallbackUrls, CheckoutInput, CheckoutMode, Payment } from '../params/params.js';
import { parseHttpUrl } from '../params/url.js';
import { delay, nextTask } from '../util/next-task.js';
import { randomHex } from '../util/random-hex.js';
import { describeFailure } from './describe-failure.js';
import { FailureError, isRetryable, type Failure } from '../core/failure.js';
import { listenToFrame } from './frame-channel.js';
import { isPaid, markPaid } from './paid-orders.js';
import { merchantKey, readCheckoutParams, type CheckoutParams } from './providers.js';
import { navigateTo, redirectFor } from './redirects.js';
import { rememberTrip, takeReturnedTrip } from './return-trip.js';

/**
 * Where the payment is. The loading steps of the KTWidget guide are states, so the modal shows
 * exactly what is happening:
 *
 *   idle → sealing → creating → acquirer → opening → paying → succeeded | failed
 *                              ↘ redirecting (mode="redirect": the page leaves for the payment page)
 *
 * `sealing`: loading libsodium and sealing the parameters (step «sending the parameters»);
 * `creating`: the request is in flight; `acquirer`: KTPay answered and its page is loading in the
 * iframe, getting the acquirer's parameters; `opening`: the page has loaded and is being revealed.
 * Any state → idle on close; `failed` → sealing on Try again. Back from a trip to the payment
 * page in the whole window, idle → succeeded | failed.
 *
 * With ePay: idle → creating (the merchant's auth-url gives the token) → acquirer (Halyk's script
 * loads) → handed-over (Halyk's own overlay has the buyer; the modal steps aside) → succeeded |
 * failed; or → redirecting.
 */
export type Phase =
  | 'idle'
  | 'sealing'
  | 'creating'
  | 'acquirer'
  | 'opening'
  | 'paying'
  | 'handed-over'
  | 'redirecting'
  | 'succeeded'
  | 'failed';

/**
 * How long the framed payment page may stay silent before the buyer is offered it in the whole
 * window (framing refused, third-party cookies blocked). `timeout` shortens it.
 */
export const SILENT_PAGE_MS = 10_000;
/** How long the modal's first drawing waits for a seal from a started sealer (a few ms, usually). */
const SEAL_WAIT_MS = 100;

/** The element, which the controller updates and whose events it fires. */
export interface CheckoutHost extends ReactiveControllerHost, EventTarget {
  readonly isConnected: boolean;
}

/** What the controller reads from the element and its modal. */
export interface CheckoutContext {
  /** The element's properties right now; read once per Pay. */
  input(): CheckoutInput;
  /** The strings of the element's current language. */
  messages(): Messages;
  /** The payment iframe's window, once rendered. */
  paymentFrameWindow(): Window | null | undefined;
  /** The element's language now (ePay's form is asked to speak it). */
  lang(): Lang;
}

/** What the success view shows. */
export interface Receipt {
  orderId: string;
  amount: number;
  status: KtpaySuccessStatus;
  transactionHash?: string;
  /** KTPay's PDF receipt, where the transaction hash is known. */
  receiptUrl?: URL;
}

interface AttemptBase {
  payment: Payment;
  mode: CheckoutMode;
  own: OwnCallbackUrls | undefined;
  /** The nonce in `own`'s marker (and in the marks of coinciding merchant URLs). */
  nonce: string;
  /** The callback URLs as sent to KTPay: what the page's reports are read against. */
  callbacks: CallbackUrls;
}

interface KtpayAttempt extends AttemptBase {
  provider: 'ktpay';
  connection: Connection;
  /** The exact JSON sealed; Try again resends this same order. */
  requestJson: string;
  page?: PaymentPage;
}

interface EpayAttempt extends AttemptBase {
  provider: 'epay';
  connection: EpayConnection;
  page?: undefined;
}

type Attempt = KtpayAttempt | EpayAttempt;

interface PendingResult {
  promise: Promise<KtpayResult>;
  resolve: (result: KtpayResult) => void;
  settled: boolean;
}

function pendingResult(): PendingResult {
  let resolve!: (result: KtpayResult) => void;
  const promise = new Promise<KtpayResult>((r) => (resolve = r));
  const pending: PendingResult = {
    promise,
    resolve: (result) => {
      if (pending.settled) return;
      pending.settled = true;
      resolve(result);
    },
    settled: false,
  };
  return pending;
}

/**
 * The checkout flow as a ReactiveController: it owns the state, the async work and the events;
 * the element only renders `phase`, `receipt` and `failure`. One attempt at a time: Pay is ignored
 * unless idle, which is what makes one click one transaction.
 */
export class CheckoutController implements ReactiveController {
  phase: Phase = 'idle';
  orderId = '';
  receipt: Receipt | undefined;
  failure: Failure | undefined;
  /** The payment page opened in the iframe. */
  pageUrl: URL | undefined;
  /**
   * The framed page has shown no sign of life for a while: the page offered in the whole window
   * instead, the acquirer's own where KTPay gives it (third-party cookies blocked in a frame do
   * not hold it back), else KTPay's.
   */
  wholeWindowUrl: URL | undefined;
  /**
   * Pay was pressed and the modal is not drawn yet: settles once it is asked to be (see #begin).
   * Meanwhile phases change without drawing.
   */
  drawing: Promise<void> | undefined;

  #attempt: Attempt | undefined;
  /** The provider of the payment under way, named in every event. */
  #provider: CheckoutProvider = 'ktpay';
  #result: PendingResult | undefined;
  /** Aborted when the current step's work must stop: outcome, close, retry, disconnect. */
  #abort: AbortController | undefined;
  #continueTo: URL | undefined;
  #silenceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The payment page was shown to the buyer in this attempt: from then on, a close is not a cancel. */
  #pageShown = false;
  /** The framed page has shown a sign of life in this attempt: it is never second-guessed. */
  #pageShowedLife = false;
  /** The seal on its way back from a started sealer, which the modal's first drawing waits for. */
  #sealing: Promise<unknown> | undefined;

  constructor(
    private readonly host: CheckoutHost,
    private readonly context: CheckoutContext,
  ) {
    host.addController(this);
  }

  /**
   * Back from the payment page in the whole window? Checked after updates while idle, because a
   * framework may set `app-id` and `order-id` after the element connected. The trip is used up
   * on the first match, so this runs once.
   */
  hostUpdated(): void {
    if (this.phase === 'idle' && mayBeReturnFromPaymentPage()) queueMicrotask(() => this.#resumeReturnedTrip());
  }

  /** Removed from the page: stop everything, fire nothing. Put back, it starts from idle. */
  hostDisconnected(): void {
    this.#abort?.abort();
    this.#result?.resolve(this.#unfinished().result);
    this.#reset();
  }

  get retryable(): boolean {
    return this.phase === 'failed' && this.failure !== undefined && this.#attempt !== undefined && isRetryable(this.failure);
  }

  /** Whether Continue leaves the page (a merchant URL) rather than closing the modal. */
  get continuesToMerchant(): boolean {
    return this.#continueTo !== undefined;
  }

  /**
   * Starts a payment with `input` (the element's properties when Pay was pressed: attributes
   * changed after the click do not change this payment), or returns the one in progress.
   */
  open(input: CheckoutInput = this.context.input()): Promise<KtpayResult> {
    if (this.#result) return this.#result.promise;
    const result = (this.#result = pendingResult());
    // Whatever happens inside ends as an outcome, never as an unhandled rejection.
    this.#begin(input).catch((error: unknown) => this.#fail(toFailure(error)));
    return result.promise;
  }

  /** Retry after a failure where it makes sense: the same order, sealed and sent again. */
  retry(): void {
    if (!this.retryable) return;
    this.#result = pendingResult();
    this.failure = undefined;
    void this.#send();
  }

  /** Continue from the result view: to the merchant's URL if there is one, else close. */
  continue(): void {
    if (this.#continueTo) navigateTo(this.#continueTo);
    else this.close();
  }

  /** Closes the modal; a payment not yet ended counts as cancelled. */
  close(): void {
    if (this.phase === 'idle') return;
    const ended = this.phase === 'succeeded' ? 'success' : this.phase === 'failed' ? 'failed' : undefined;
    const unfinished = this.#unfinished();
    this.#abort?.abort();
    this.#result?.resolve(unfinished.result);
    const provider = this.#provider;
    this.#reset();
    emit(this.host, 'ktpay:close', ended ? { reason: ended } : unfinished.close, provider);
  }

  /**
   * A payment left before its outcome: cancelled if the buyer never saw the payment page; else
   * unknown (they may have paid before closing), with the transaction to ask the server about.
   */
  #unfinished(): { result: KtpayResult; close: KtpayCloseDetail } {
    const provider = this.#provider;
    if (!this.#pageShown) return { result: withProvider({ outcome: 'cancelled' }, provider), close: { reason: 'cancel', paymentStarted: false } };
    const hash = this.#attempt?.page?.transactionHash;
    const known = hash ? { transactionHash: hash } : {};
    return {
      result: withProvider({ outcome: 'unknown', orderId: this.orderId, ...known }, provider),
      close: { reason: 'cancel', paymentStarted: true, ...known },
    };
  }

  /** The payment iframe finished loading a document. */
  frameLoaded(): void {
    if (this.phase !== 'acquirer') return;
    this.#enter('opening');
    // One frame to lay the page out behind the loader, then show it.
    requestAnimationFrame(() => {
      if (this.phase !== 'opening') return;
      this.#pageShown = true;
      this.#enter('paying');
    });
  }

  async #begin(input: CheckoutInput): Promise<void> {
    // Relative endpoints resolve against the page's own address, never a <base href> an injected
    // element could set: the sealed order and the trusted frame stay where the merchant meant.
    const parsed = readCheckoutParams(input, location.href);
    this.#provider = parsed.provider;
    this.orderId = parsed.ok ? parsed.payment.orderId : parsed.orderId;
    const result = this.#result;
    // The click's task ends with the order sealing (#send below); the modal is drawn in a task of
    // its own, so that neither task holds the main thread long (drawing and showing the dialog is
    // most of the work). On a warm click the seal is a message to the sealing worker and back:
    // the order goes on the wire before that drawing, which then shows it under way. Then the
    // page hears of it.
    this.#sealing = undefined;
    const drawing = (this.drawing = nextTask().then(async () => {
      if (this.#sealing) await Promise.race([this.#sealing, delay(SEAL_WAIT_MS)]);
      if (this.drawing !== drawing) return; // closed meanwhile (or closed and reopened)
      this.drawing = undefined;
      this.host.requestUpdate();
    }));
    this.#enter('sealing');
    const opened = drawing
      .then(() => this.host.updateComplete)
      .then(() => {
        if (this.#result !== result) return false; // closed (or closed and reopened) meanwhile
        emit(this.host, 'ktpay:open', { orderId: this.orderId }, this.#provider);
        return true;
      });
    if (!parsed.ok) {
      if (await opened) this.#fail({ source: 'validation', fields: parsed.fields });
      return;
    }
    this.#attempt = attemptFor(parsed);
    await this.#send(opened);
  }

  /**
   * Runs what a Pay runs before sealing, with nothing kept, shown or sent: on a phone, a tap's
   * first run of this code (parsing, compiling) is tens of milliseconds the order waits for.
   * False when the parameters are not valid yet (a framework may set them later).
   */
  rehearse(): boolean {
    const parsed = readCheckoutParams(this.context.input(), location.href);
    if (parsed.ok) attemptFor(parsed);
    return parsed.ok;
  }

  /** The buyer follows the offered link to the payment page in the whole window. */
  leaveForPaymentPage(): void {
    this.#rememberTrip();
  }

  /**
   * Seals and sends the attempt's order; acts on the answer once the modal is `opened` (drawn and
   * announced), so events keep their order however fast the answer comes.
   */
  async #send(opened: Promise<boolean> = Promise.resolve(true)): Promise<void> {
    const attempt = this.#attempt;
    if (!attempt) return;
    const { connection, payment } = attempt;
    if (isPaid(merchantKey(attempt), payment.orderId)) {
      if (await opened) this.#fail({ source: 'validation', fields: { 'order-id': ['already-paid'] }, alreadyPaid: true });
      return;
    }
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    if (attempt.provider === 'epay') return this.#sendEpay(attempt, opened, signal);
    try {
      const answer = this.#request(attempt, signal);
      answer.catch(() => {}); // read below, once the modal is open; closed before that, abort ended it
      if (!(await opened) || signal.aborted) return;
      const page = await answer;
      if (signal.aborted) return;
      attempt.page = page;
      this.pageUrl = page.url;
      const created = { orderId: payment.orderId, paymentUrl: page.url.href, ...(page.transactionHash ? { transactionHash: page.transactionHash } : {}) };
      if (attempt.mode === 'redirect') {
        this.#enter('redirecting');
        emit(this.host, 'ktpay:created', created, 'ktpay');
        this.#rememberTrip();
        navigateTo(page.url);
        return;
      }
      listenToFrame({
        origin: page.url.origin,
        source: () => this.context.paymentFrameWindow(),
        onMessage: (data) => {
          this.#pageAlive();
          this.#onPageMessage(data);
        },
        signal,
      });
      this.#watchForSilence(Math.min(connection.timeoutMs, SILENT_PAGE_MS), signal);
      this.#enter('acquirer');
      emit(this.host, 'ktpay:created', created, 'ktpay');
    } catch (error) {
      if (signal.aborted) return;
      this.#fail(toFailure(error));
    }
  }

  /**
   * Halyk ePay: the token from the merchant's server and Halyk's script, fetched at once; then
   * Halyk's widget (the modal steps aside for its overlay) or, in `mode="redirect"`, Halyk's form in
   * the whole window. There is no transaction before the buyer pays, so no `ktpay:created`.
   */
  async #sendEpay(attempt: EpayAttempt, opened: Promise<boolean>, signal: AbortSignal): Promise<void> {
    const { connection, payment } = attempt;
    const { timeoutMs } = connection;
    try {
      this.#enter('creating');
      const token = requestEpayToken({ authUrl: connection.authUrl, invoiceId: payment.orderId, amount: payment.amount, currency: connection.currency, timeoutMs, signal });
      const halyk = loadHalykScript(connection.scriptUrl, timeoutMs, signal);
      token.catch(() => {}); // read below, once the modal is open
      halyk.catch(() => {});
      if (!(await opened) || signal.aborted) return;
      const auth = await token;
      if (signal.aborted) return;
      this.#enter('acquirer');
      const api = await halyk;
      if (signal.aborted) return;
      const object = toEpayPaymentObject({ payment, connection, token: auth, lang: this.context.lang(), callbacks: attempt.callbacks });
      if (attempt.mode === 'redirect') {
        this.#enter('redirecting');
        this.#rememberTrip();
        if (connection.operation === 'p2p') api.p2p(object);
        else api.pay(object);
        return;
      }
      this.#pageShown = true;
      this.#enter('handed-over');
      const outcome = await showHalykWidget(api, object, { onEscape: () => this.close(), signal });
      if (signal.aborted) return;
      if (outcome.success) this.#succeed('success', undefined);
      else this.#fail({ source: 'acquirer', code: outcome.reasonCode ?? null }, { fromPage: true });
    } catch (error) {
      if (signal.aborted) return;
      this.#fail(toFailure(error));
    }
  }

  /**
   * The sealed order, POSTed. Once the sealer has started (preloaded, or warmed by the buyer's
   * pointer or focus), the request is on the wire one message to the sealing worker and back
   * later (before this returns where libsodium runs on this thread); otherwise after it starts.
   */
  #request({ requestJson, connection }: KtpayAttempt, signal: AbortSignal): Promise<PaymentPage> {
    const create = (body: string) => {
      this.#enter('creating');
      const endpoints = ktpayEndpoints(connection);
      return createPayment({ endpoints, appId: connection.appId, body, timeoutMs: connection.timeoutMs, signal });
    };
    try {
      const sealed = sealNow(requestJson, connection.appKey);
      if (sealed) return create(sealed);
    } catch (error) {
      return Promise.reject(error);
    }
    const warm = sealerStarted();
    if (!warm) this.#enter('sealing');
    const sealing = sealJson(requestJson, connection.appKey, connection.timeoutMs, signal);
    if (warm) this.#sealing = sealing.catch(() => {});
    return sealing.then((body) => {
      if (signal.aborted) throw signal.reason;
      return create(body);
    });
  }

  /** Offers the whole window unless the framed page shows a sign of life within `delayMs`. */
  #watchForSilence(delayMs: number, signal: AbortSignal): void {
    this.wholeWindowUrl = undefined;
    this.#pageShowedLife = false;
    const timer = (this.#silenceTimer = setTimeout(() => void this.#offerWholeWindow(signal), delayMs));
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }

  /** Asks KTPay for the acquirer's own page first; KTPay's page when it gives none. */
  async #offerWholeWindow(signal: AbortSignal): Promise<void> {
    const attempt = this.#attempt;
    const page = attempt?.page;
    if (attempt?.provider !== 'ktpay' || !page) return;
    const { connection } = attempt;
    const acquirerPage = page.transactionHash
      ? await fetchAcquirerPage({
          endpoints: ktpayEndpoints(connection),
          appId: connection.appId,
          transactionHash: page.transactionHash,
          timeoutMs: connection.timeoutMs,
          signal,
        })
      : undefined;
    if (signal.aborted || this.#pageShowedLife) return;
    this.wholeWindowUrl = acquirerPage ?? page.url;
    this.host.requestUpdate();
  }

  /** Any message from the framed page (the sandbox's `{ type: 'ktpay:ready' }`, a result…). */
  #pageAlive(): void {
    clearTimeout(this.#silenceTimer);
    this.#pageShowedLife = true;
    if (!this.wholeWindowUrl) return;
    this.wholeWindowUrl = undefined;
    this.host.requestUpdate();
  }

  /** Kept for the page KTPay returns the buyer to: see return-trip.ts. */
  #rememberTrip(): void {
    const attempt = this.#attempt;
    if (!attempt?.own) return; // no own callback URLs, nothing would bring the outcome back
    const { payment, nonce, own } = attempt;
    rememberTrip({
      nonce,
      successUrl: own.success.href,
      failedUrl: own.failed.href,
      appId: merchantKey(attempt),
      orderId: payment.orderId,
      amount: payment.amount,
    });
  }

  /** The page is the return from a trip to the payment page: show and report its outcome. */
  #resumeReturnedTrip(): void {
    if (this.phase !== 'idle' || !this.host.isConnected) return;
    const parsed = readCheckoutParams(this.context.input(), location.href);
    if (!parsed.ok) return;
    const { payment, mode } = parsed;
    const returned = takeReturnedTrip(merchantKey(parsed), payment.orderId);
    if (!returned) return;
    const { trip, returnedTo } = returned;
    const success = parseHttpUrl(trip.successUrl);
    const failed = parseHttpUrl(trip.failedUrl);
    if (!success || !failed) return;
    const attempt = attemptOf(
      parsed,
      {
        payment: { ...payment, amount: trip.amount },
        mode,
        own: { success, failed },
        nonce: trip.nonce,
        callbacks: callbacksToSend(payment.callbacks, { success, failed }, trip.nonce),
      },
      () => '', // nothing is sent again: the trip only reads its outcome
    );
    // The address KTPay sent the buyer to is read like the page's callback URL string.
    const outcome = outcomeOf({ kind: 'navigate', url: returnedTo }, outcomeContext(attempt));
    if (outcome.kind !== 'success' && outcome.kind !== 'failed') return;
    this.#attempt = attempt;
    this.#provider = attempt.provider;
    this.#result = pendingResult();
    this.orderId = payment.orderId;
    emit(this.host, 'ktpay:open', { orderId: this.orderId }, this.#provider);
    this.#settle(outcome);
  }

  #onPageMessage(data: unknown): void {
    const attempt = this.#attempt;
    const message = parsePageMessage(data);
    if (attempt && message) this.#settle(outcomeOf(message, outcomeContext(attempt)));
  }

  /** Acts on what the payment page (or the return from it) said. */
  #settle(outcome: PageOutcome): void {
    const attempt = this.#attempt!;
    const hash = outcome.kind === 'success' || outcome.kind === 'failed' ? outcome.transactionHash : undefined;
    const transactionHash = hash ?? attempt.page?.transactionHash;
    switch (outcome.kind) {
      case 'success':
        this.#succeed(outcome.status, transactionHash, outcome.received);
        break;
      case 'failed':
        this.#fail(outcome.failure, { fromPage: true, received: outcome.received });
        break;
      case 'cancel': {
        // The page's way back to the shop (its back URL): honour it, it is the merchant's own.
        const back = outcome.received;
        this.close();
        if (back) navigateTo(back);
        break;
      }
      case 'unknown':
        // A URL that is the merchant's for more than one outcome: not a success. The attempt ends
        // as unknown (the page had shown), and the buyer goes where the page sent them, the
        // merchant's own page, which asks its server.
        this.#pageShown = true;
        this.close();
        navigateTo(outcome.received);
        break;
      case 'none':
        break;
    }
  }

  #succeed(status: KtpaySuccessStatus, transactionHash: string | undefined, received?: URL): void {
    const attempt = this.#attempt!;
    this.#abort?.abort(); // the first outcome is the outcome: stop listening
    const { payment } = attempt;
    markPaid(merchantKey(attempt), payment.orderId);
    // KTPay's receipt; ePay has none to link to.
    const known =
      transactionHash && attempt.provider === 'ktpay'
        ? { transactionHash, receiptUrl: transactionResource(ktpayEndpoints(attempt.connection).api, transactionHash, 'pdf') }
        : undefined;
    this.receipt = { orderId: payment.orderId, amount: payment.amount, status, ...known };
    this.#enter('succeeded');
    const detail: KtpaySuccessDetail = { orderId: payment.orderId, status };
    if (known) Object.assign(detail, { transactionHash: known.transactionHash, receiptUrl: known.receiptUrl.href });
    const event = emit(this.host, 'ktpay:success', detail, this.#provider);
    this.#result?.resolve(withProvider({ outcome: 'success', ...detail }, this.#provider));
    this.#redirectUnlessCancelled(event, redirectFor('success', payment.callbacks, received));
  }

  #fail(failure: Failure, { fromPage = false, received }: { fromPage?: boolean; received?: URL | undefined } = {}): void {
    this.#abort?.abort();
    this.failure = failure;
    this.#enter('failed');
    const detail: KtpayFailedDetail = { orderId: this.orderId, ...describeFailure(failure, this.context.messages()) };
    const event = emit(this.host, 'ktpay:failed', detail, this.#provider);
    this.#result?.resolve(withProvider({ outcome: 'failed', ...detail }, this.#provider));
    // Merchant redirects follow outcomes of the payment page, not faults before it opened.
    const callbacks = this.#attempt?.payment.callbacks;
    if (fromPage && callbacks) this.#redirectUnlessCancelled(event, redirectFor('failed', callbacks, received));
  }

  /** A single-page app cancels the event and routes itself; otherwise the merchant's URL applies. */
  #redirectUnlessCancelled(event: Event, redirect: ReturnType<typeof redirectFor>): void {
    if (event.defaultPrevented || !redirect) return;
    if (redirect.force) navigateTo(redirect.url);
    else this.#continueTo = redirect.url;
  }

  #enter(phase: Phase): void {
    this.phase = phase;
    if (!this.drawing) this.host.requestUpdate();
  }

  #reset(): void {
    this.drawing = undefined;
    this.#abort = undefined;
    this.#attempt = undefined;
    this.#result = undefined;
    this.#continueTo = undefined;
    this.receipt = undefined;
    this.failure = undefined;
    this.pageUrl = undefined;
    this.wholeWindowUrl = undefined;
    this.#pageShown = false;
    this.orderId = '';
    this.#enter('idle');
  }
}

/** A new attempt at the order: its nonce, the callback URLs it sends, and (KTPay) the request to seal. */
function attemptFor(parsed: Extract<CheckoutParams, { ok: true }>): Attempt {
  const { payment, mode, returnParams } = parsed;
  const nonce = randomHex(8);
  const own = ownCallbackUrls(location.href, nonce, returnParams);
  const callbacks = callbacksToSend(payment.callbacks, own, nonce);
  return attemptOf(parsed, { payment, mode, own, nonce, callbacks }, () => JSON.stringify(toKtpayRequest(payment, own, nonce)));
}

/** The attempt for the chosen provider: KTPay's also carries the JSON it seals (`requestJson`). */
function attemptOf(parsed: Extract<CheckoutParams, { ok: true }>, base: AttemptBase, requestJson: () => string): Attempt {
  return parsed.provider === 'epay'
    ? { ...base, provider: 'epay', connection: parsed.connection }
    : { ...base, provider: 'ktpay', connection: parsed.connection, requestJson: requestJson() };
}

function outcomeContext({ payment, own, callbacks }: Attempt): OutcomeContext {
  return { orderId: payment.orderId, callbacks, own };
}

function toFailure(error: unknown): Failure {
  if (error instanceof FailureError) return error.failure;
  if (error instanceof CryptoUnavailableError) return { source: 'crypto', reason: error.reason };
  // A bug of ours must still end the attempt visibly, never as an unhandled rejection.
  console.error('[ktpay-checkout]', error);
  return { source: 'network', reason: 'bad-answer' };
}
