import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { callbacksToSend, ownCallbackUrls } from '../core/callback-urls.js';
import { FailureError, isRetryable, type Failure } from '../core/failure.js';
import { navigateTo } from '../core/navigate.js';
import { mayBeReturnFromPaymentPage } from '../core/own-callback-marker.js';
import type { OutcomeContext, PageOutcome } from '../core/outcome.js';
import type { Handover, Order, PreparedPayment, ProviderPage } from '../core/provider.js';
import { CryptoUnavailableError } from '../crypto/sodium.js';
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
import type { CheckoutInput } from '../params/params.js';
import { parseHttpUrl } from '../params/url.js';
import { delay, nextTask } from '../util/next-task.js';
import { randomHex } from '../util/random-hex.js';
import { describeFailure } from './describe-failure.js';
import { listenToFrame } from './frame-channel.js';
import { isPaid, markPaid } from './paid-orders.js';
import { readCheckoutParams, type CheckoutParams } from './providers.js';
import { redirectFor } from './redirects.js';
import { rememberTrip, takeReturnedTrip } from './return-trip.js';

/**
 * Where the payment is. The loading steps of the KTWidget guide are states, so the modal shows
 * exactly what is happening. The provider (core/provider.ts) moves through the sending steps and
 * says where the buyer pays; the rest is this state machine's:
 *
 *   idle → sealing → creating → acquirer → opening → paying → succeeded | failed   (its page, framed)
 *                                        ↘ redirecting      (the whole window goes to its page)
 *                                        ↘ handed-over → succeeded | failed   (its own overlay)
 *
 * `sealing`: the order being made ready (sealed, here or on the merchant's server: step «sending
 * the parameters»); `creating`: the provider is asked for the payment; `acquirer`: its page is
 * loading in the iframe (or its script), getting the acquirer's parameters; `opening`: the page has
 * loaded and is being revealed; `handed-over`: the provider's overlay has the buyer and the modal
 * steps aside. Any state → idle on close; `failed` → the sending steps on Try again. Back from a
 * trip to the payment page in the whole window, idle → succeeded | failed.
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
  /** The element's language now (a provider's form may be asked to speak it). */
  lang(): Lang;
}

/** What the success view shows. */
export interface Receipt {
  orderId: string;
  amount: number;
  status: KtpaySuccessStatus;
  transactionHash?: string;
  /** The provider's receipt (KTPay's PDF), where the transaction hash is known. */
  receiptUrl?: URL;
}

/** One attempt at the order, with the provider that carries it. */
interface Attempt extends Order {
  provider: CheckoutProvider;
  merchantKey: string;
  timeoutMs: number;
  /** The provider's ready Pay; Try again sends it again. None for a return trip (nothing is sent). */
  prepared?: PreparedPayment;
  /** The page the provider made, once known. */
  page?: ProviderPage;
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
  /**
   * The framed page has shown no sign of life for a while: the page offered in the whole window
   * instead, the acquirer's own where the provider names one (third-party cookies blocked in a
   * frame do not hold it back), else the framed page.
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
  /** Work that puts the order on the wire in a moment (a started sealer's seal): the modal's first drawing waits for it. */
  #sealing: Promise<unknown> | undefined;
  /** The attempt made ready on the buyer's intent (`readyAhead`), for the Pay that follows with the same parameters. */
  #ahead: AheadAttempt | undefined;

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
    // The attempt made ready on intent, if this Pay's parameters and page address are the ones it
    // was made from; used once. Else made now, as it always was.
    const ahead = this.#ahead;
    this.#ahead = undefined;
    const ready = ahead && ahead.key === aheadKey(input) ? ahead : undefined;
    const parsed = ready?.parsed ?? readCheckoutParams(input, location.href);
    this.#provider = parsed.provider;
    this.orderId = parsed.ok ? parsed.payment.orderId : parsed.orderId;
    const result = this.#result;
    // The click's task puts the order on the wire first (#send below: an order sealed ahead goes
    // out within this call) and only then asks for the modal's drawing, in a task of its own, so
    // that neither task holds the main thread long (drawing and showing the dialog is most of the
    // work). The drawing shows the order under way; then the page hears of it. Until the drawing
    // is asked for, phases change without drawing.
    this.#sealing = undefined;
    let startDrawing!: () => void;
    const drawing = (this.drawing = new Promise<void>((resolve) => (startDrawing = resolve)).then(async () => {
      // On a warm click whose order was not sealed ahead, the seal is a message to the sealing
      // worker and back: the drawing waits a moment for the order to go on the wire first.
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
    if (parsed.ok) this.#attempt = ready?.attempt ?? attemptFor(parsed);
    const outcome = parsed.ok
      ? this.#send(opened)
      : opened.then((open) => void (open && this.#fail({ source: 'validation', fields: parsed.fields })));
    void nextTask().then(startDrawing);
    return outcome;
  }

  /**
   * On the buyer's intent (or the button on screen, once the code is here): the attempt a Pay now
   * would make, made ahead with its order sealed (`readyAhead` of the provider), and nothing shown
   * or sent. The Pay that follows with the same parameters, on the same page address, sends it: on
   * a phone, parsing, building and sealing were tens of milliseconds between the tap and the
   * request. Kept until used or outdated; remade only when the parameters or the address changed.
   * False when there was nothing to do: the attempt ready is this one, or a payment is under way.
   */
  readyAhead(): boolean {
    if (this.phase !== 'idle') return false;
    const input = this.context.input();
    const key = aheadKey(input);
    if (this.#ahead?.key === key) return false;
    this.#ahead = undefined;
    const parsed = readCheckoutParams(input, location.href);
    if (!parsed.ok) return true; // a framework may set them later; Pay reports what is wrong
    const attempt = attemptFor(parsed);
    attempt.prepared?.readyAhead?.();
    this.#ahead = { key, parsed, attempt };
    return true;
  }

  /** The buyer follows the offered link to the payment page in the whole window. */
  leaveForPaymentPage(): void {
    this.#rememberTrip();
  }

  /**
   * Sends the attempt's order through its provider, then hands the buyer over to where they pay.
   * Acts on the answer once the modal is `opened` (drawn and announced), so events keep their
   * order however fast the answer comes.
   */
  async #send(opened: Promise<boolean> = Promise.resolve(true)): Promise<void> {
    const attempt = this.#attempt;
    if (!attempt?.prepared) return;
    const { payment } = attempt;
    if (isPaid(attempt.merchantKey, payment.orderId)) {
      if (await opened) this.#fail({ source: 'validation', fields: { 'order-id': ['already-paid'] }, alreadyPaid: true });
      return;
    }
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    try {
      const handover = await attempt.prepared.send({
        signal,
        opened,
        enter: (phase) => this.#enter(phase),
        beforeDrawing: (work) => (this.#sealing = work.catch(() => {})),
        lang: () => this.context.lang(),
      });
      if (signal.aborted) return;
      await this.#handOver(attempt, handover, signal);
    } catch (error) {
      if (signal.aborted) return;
      this.#fail(toFailure(error));
    }
  }

  /** The buyer pays where the provider says: its page in the iframe, the whole window, or its own overlay. */
  async #handOver(attempt: Attempt, handover: Handover, signal: AbortSignal): Promise<void> {
    if (handover.kind === 'overlay') {
      // The modal steps aside for the provider's overlay: from now on a close is not a cancel.
      this.#pageShown = true;
      this.#enter('handed-over');
      const outcome = await handover.show({ onEscape: () => this.close(), signal });
      if (signal.aborted) return;
      if (outcome.success) this.#succeed('success', undefined);
      else this.#fail({ source: 'acquirer', code: outcome.reasonCode ?? null }, { fromPage: true });
      return;
    }
    const { page } = handover;
    attempt.page = page;
    // The provider made a page for this payment: the merchant hears of it.
    const announce = () => page && emit(this.host, 'ktpay:created', createdDetail(attempt.payment.orderId, page), attempt.provider);
    if (handover.kind === 'redirect') {
      this.#enter('redirecting');
      announce();
      this.#rememberTrip();
      handover.go();
      return;
    }
    this.pageUrl = handover.page.url;
    listenToFrame({
      origin: handover.page.url.origin,
      source: () => this.context.paymentFrameWindow(),
      onMessage: (data) => {
        this.#pageAlive();
        this.#settle(handover.read(data, outcomeContext(attempt)));
      },
      signal,
    });
    this.#watchForSilence(handover, Math.min(attempt.timeoutMs, SILENT_PAGE_MS), signal);
    this.#enter('acquirer');
    announce();
  }

  /** Offers the whole window unless the framed page shows a sign of life within `delayMs`. */
  #watchForSilence(handover: Extract<Handover, { kind: 'frame' }>, delayMs: number, signal: AbortSignal): void {
    this.wholeWindowUrl = undefined;
    this.#pageShowedLife = false;
    const timer = (this.#silenceTimer = setTimeout(() => void this.#offerWholeWindow(handover, signal), delayMs));
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }

  /** The provider's page for the whole window (the acquirer's own, where it names one), else the framed one. */
  async #offerWholeWindow(handover: Extract<Handover, { kind: 'frame' }>, signal: AbortSignal): Promise<void> {
    const page = await handover.wholeWindowPage(signal);
    if (signal.aborted || this.#pageShowedLife) return;
    this.wholeWindowUrl = page ?? handover.page.url;
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

  /** Kept for the page the provider returns the buyer to: see return-trip.ts. */
  #rememberTrip(): void {
    const attempt = this.#attempt;
    if (!attempt?.own) return; // no own callback URLs, nothing would bring the outcome back
    const { payment, nonce, own } = attempt;
    rememberTrip({
      nonce,
      successUrl: own.success.href,
      failedUrl: own.failed.href,
      appId: attempt.merchantKey,
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
    const returned = takeReturnedTrip(parsed.merchantKey, payment.orderId);
    if (!returned) return;
    const { trip, returnedTo } = returned;
    const success = parseHttpUrl(trip.successUrl);
    const failed = parseHttpUrl(trip.failedUrl);
    if (!success || !failed) return;
    // Nothing is sent again: the trip only reads its outcome.
    const attempt = attemptOf(parsed, {
      payment: { ...payment, amount: trip.amount },
      mode,
      own: { success, failed },
      nonce: trip.nonce,
      callbacks: callbacksToSend(payment.callbacks, { success, failed }, trip.nonce),
    });
    const outcome = parsed.readReturn(returnedTo, outcomeContext(attempt));
    if (outcome.kind !== 'success' && outcome.kind !== 'failed') return;
    this.#attempt = attempt;
    this.#provider = attempt.provider;
    this.#result = pendingResult();
    this.orderId = payment.orderId;
    emit(this.host, 'ktpay:open', { orderId: this.orderId }, this.#provider);
    this.#settle(outcome);
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
    markPaid(attempt.merchantKey, payment.orderId);
    // The provider's receipt, where it has one.
    const receiptUrl = transactionHash ? attempt.prepared?.receiptUrl(transactionHash) : undefined;
    const known = transactionHash && receiptUrl ? { transactionHash, receiptUrl } : undefined;
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
    this.#ahead = undefined;
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

type ValidParams = Extract<CheckoutParams, { ok: true }>;

/** An attempt made ready on intent, and what it was made from. */
interface AheadAttempt {
  key: string;
  parsed: ValidParams;
  attempt: Attempt;
}

/** The parameters as text, once per parameters object (the element hands the same one until a property changes). */
const inputTexts = new WeakMap<CheckoutInput, string>();

/** What an attempt is made from: the element's parameters and the page's address (its own return URLs). */
function aheadKey(input: CheckoutInput): string {
  let text = inputTexts.get(input);
  if (text === undefined) inputTexts.set(input, (text = JSON.stringify(input)));
  return `${location.href} ${text}`;
}

/** A new attempt at the order: its nonce, the callback URLs it sends, and the provider's ready Pay. */
function attemptFor(parsed: ValidParams): Attempt {
  const { payment, mode, returnParams } = parsed;
  const nonce = randomHex(8);
  const own = ownCallbackUrls(location.href, nonce, returnParams);
  const order: Order = { payment, mode, own, nonce, callbacks: callbacksToSend(payment.callbacks, own, nonce) };
  return { ...attemptOf(parsed, order), prepared: parsed.prepare(order) };
}

function attemptOf(parsed: ValidParams, order: Order): Attempt {
  return { ...order, provider: parsed.provider, merchantKey: parsed.merchantKey, timeoutMs: parsed.timeoutMs };
}

function createdDetail(orderId: string, { url, transactionHash }: ProviderPage) {
  return { orderId, paymentUrl: url.href, ...(transactionHash ? { transactionHash } : {}) };
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
