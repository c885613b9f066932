import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CryptoUnavailableError, sealJson } from '../crypto/sodium.js';
import { emit, type KtpayFailedDetail, type KtpayResult, type KtpaySuccessStatus } from '../events.js';
import type { Messages } from '../i18n/messages.js';
import { createPayment, type PaymentPage } from '../ktpay/api.js';
import { ownCallbackUrls } from '../ktpay/callback-urls.js';
import { ktpayEndpoints } from '../ktpay/endpoints.js';
import { outcomeOf, type PageOutcome } from '../ktpay/outcome.js';
import { parsePageMessage } from '../ktpay/page-protocol.js';
import { toKtpayRequest, type OwnCallbackUrls } from '../ktpay/request.js';
import { readParams, type CheckoutInput, type Connection, type Payment } from '../params/params.js';
import { randomHex } from '../util/random-hex.js';
import { describeFailure } from './describe-failure.js';
import { FailureError, isRetryable, type Failure } from './failure.js';
import { listenToFrame } from './frame-channel.js';
import { navigateTo, redirectFor } from './redirects.js';

/**
 * Where the payment is. The loading steps of the KTWidget guide are states, so the modal shows
 * exactly what is happening:
 *
 *   idle → sealing → creating → acquirer → opening → paying → succeeded | failed
 *
 * `sealing`: loading libsodium and sealing the parameters (step «sending the parameters»);
 * `creating`: the request is in flight; `acquirer`: KTPay answered and its page is loading in the
 * iframe, getting the acquirer's parameters; `opening`: the page has loaded and is being revealed.
 * Any state → idle on close; `failed` → sealing on Try again.
 */
export type Phase = 'idle' | 'sealing' | 'creating' | 'acquirer' | 'opening' | 'paying' | 'succeeded' | 'failed';

/** What the element must offer the controller. */
export interface CheckoutHost extends ReactiveControllerHost, EventTarget {
  /** The element's properties right now; read once per Pay. */
  checkoutInput(): CheckoutInput;
  /** The strings of the element's current language. */
  messages(): Messages;
  /** The payment iframe's window, once rendered. */
  paymentFrameWindow(): Window | null | undefined;
}

/** What the success view shows. */
export interface Receipt {
  orderId: string;
  amount: number;
  status: KtpaySuccessStatus;
  transactionHash?: string;
}

interface Attempt {
  payment: Payment;
  connection: Connection;
  own: OwnCallbackUrls | undefined;
  /** The exact JSON sealed; Try again resends this same order. */
  requestJson: string;
  page?: PaymentPage;
}

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

  #attempt: Attempt | undefined;
  #result: PendingResult | undefined;
  /** Aborted when the current step's work must stop: outcome, close, retry, disconnect. */
  #abort: AbortController | undefined;
  #continueTo: URL | undefined;

  constructor(private readonly host: CheckoutHost) {
    host.addController(this);
  }

  /** Removed from the page: stop everything, fire nothing. Put back, it starts from idle. */
  hostDisconnected(): void {
    this.#abort?.abort();
    this.#result?.resolve({ outcome: 'cancelled' });
    this.#reset();
  }

  get retryable(): boolean {
    return this.phase === 'failed' && this.failure !== undefined && this.#attempt !== undefined && isRetryable(this.failure);
  }

  /** Whether Continue leaves the page (a merchant URL) rather than closing the modal. */
  get continuesToMerchant(): boolean {
    return this.#continueTo !== undefined;
  }

  /** Starts a payment, or returns the one in progress. */
  open(): Promise<KtpayResult> {
    if (this.#result) return this.#result.promise;
    const result = (this.#result = pendingResult());
    // Read now: attributes changed after the click do not change this payment.
    // Whatever happens inside ends as an outcome, never as an unhandled rejection.
    this.#begin(this.host.checkoutInput()).catch((error: unknown) => this.#fail(toFailure(error)));
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
    const reason = this.phase === 'succeeded' ? 'success' : this.phase === 'failed' ? 'failed' : 'cancel';
    this.#abort?.abort();
    this.#result?.resolve({ outcome: 'cancelled' });
    this.#reset();
    emit(this.host, 'ktpay:close', { reason });
  }

  /** The payment iframe finished loading a document. */
  frameLoaded(): void {
    if (this.phase !== 'acquirer') return;
    this.#enter('opening');
    // One frame to lay the page out behind the loader, then show it.
    requestAnimationFrame(() => {
      if (this.phase === 'opening') this.#enter('paying');
    });
  }

  async #begin(input: CheckoutInput): Promise<void> {
    const parsed = readParams(input, document.baseURI);
    this.orderId = parsed.ok ? parsed.payment.orderId : parsed.orderId;
    const result = this.#result;
    this.#enter('sealing');
    await this.host.updateComplete;
    if (this.#result !== result) return; // closed (or closed and reopened) meanwhile
    emit(this.host, 'ktpay:open', { orderId: this.orderId });
    if (!parsed.ok) {
      this.#fail({ source: 'validation', fields: parsed.fields });
      return;
    }
    const { payment, connection } = parsed;
    const own = ownCallbackUrls(location.href, randomHex(8));
    this.#attempt = { payment, connection, own, requestJson: JSON.stringify(toKtpayRequest(payment, own)) };
    await this.#send();
  }

  async #send(): Promise<void> {
    const attempt = this.#attempt;
    if (!attempt) return;
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    const { connection } = attempt;
    try {
      this.#enter('sealing');
      const body = await sealJson(attempt.requestJson, connection.appKey, connection.timeoutMs, signal);
      if (signal.aborted) return;
      this.#enter('creating');
      const endpoints = ktpayEndpoints(connection);
      const page = await createPayment({ endpoints, appId: connection.appId, body, timeoutMs: connection.timeoutMs, signal });
      if (signal.aborted) return;
      attempt.page = page;
      this.pageUrl = page.url;
      listenToFrame({
        origin: page.url.origin,
        source: () => this.host.paymentFrameWindow(),
        onMessage: (data) => this.#onPageMessage(data),
        signal,
      });
      this.#enter('acquirer');
      emit(this.host, 'ktpay:created', {
        orderId: attempt.payment.orderId,
        paymentUrl: page.url.href,
        ...(page.transactionHash ? { transactionHash: page.transactionHash } : {}),
      });
    } catch (error) {
      if (signal.aborted) return;
      this.#fail(toFailure(error));
    }
  }

  #onPageMessage(data: unknown): void {
    const attempt = this.#attempt;
    const message = parsePageMessage(data);
    if (!attempt || !message) return;
    const outcome: PageOutcome = outcomeOf(message, {
      orderId: attempt.payment.orderId,
      callbacks: attempt.payment.callbacks,
      own: attempt.own,
    });
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
      case 'none':
        break;
    }
  }

  #succeed(status: KtpaySuccessStatus, transactionHash: string | undefined, received?: URL): void {
    const attempt = this.#attempt!;
    this.#abort?.abort(); // the first outcome is the outcome: stop listening
    const { payment } = attempt;
    this.receipt = { orderId: payment.orderId, amount: payment.amount, status, ...(transactionHash ? { transactionHash } : {}) };
    this.#enter('succeeded');
    const detail = { orderId: payment.orderId, status, ...(transactionHash ? { transactionHash } : {}) };
    const event = emit(this.host, 'ktpay:success', detail);
    this.#result?.resolve({ outcome: 'success', ...detail });
    this.#redirectUnlessCancelled(event, redirectFor('success', payment.callbacks, received));
  }

  #fail(failure: Failure, { fromPage = false, received }: { fromPage?: boolean; received?: URL | undefined } = {}): void {
    this.#abort?.abort();
    this.failure = failure;
    this.#enter('failed');
    const detail: KtpayFailedDetail = { orderId: this.orderId, ...describeFailure(failure, this.host.messages()) };
    const event = emit(this.host, 'ktpay:failed', detail);
    this.#result?.resolve({ outcome: 'failed', ...detail });
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
    this.host.requestUpdate();
  }

  #reset(): void {
    this.#abort = undefined;
    this.#attempt = undefined;
    this.#result = undefined;
    this.#continueTo = undefined;
    this.receipt = undefined;
    this.failure = undefined;
    this.pageUrl = undefined;
    this.orderId = '';
    this.#enter('idle');
  }
}

function toFailure(error: unknown): Failure {
  if (error instanceof FailureError) return error.failure;
  if (error instanceof CryptoUnavailableError) return { source: 'crypto', reason: error.reason };
  // A bug of ours must still end the attempt visibly, never as an unhandled rejection.
  console.error('[ktpay-checkout]', error);
  return { source: 'network', reason: 'bad-answer' };
}
