import { adoptStyles, html, nothing, type LitElement, type ReactiveController } from 'lit';
import { CheckoutController, type Phase } from '../../checkout/checkout-controller.js';
import { describeFailure, errorTypeName } from '../../checkout/describe-failure.js';
import type { KtpayResult } from '../../events.js';
import { modalMessages } from '../../i18n/load-messages.js';
import type { Messages } from '../../i18n/messages.js';

import type { CheckoutInput } from '../../params/params.js';
import { nextTask } from '../../util/next-task.js';
import { ignoreHeldKeys } from '../held-keys.js';
import type { LocaleController } from '../locale-controller.js';
import { modalStyles } from './modal.styles.js';
import { prepareForPayment } from './prepare.js';
import { lockPageScroll, unlockPageScroll } from './scroll-lock.js';
import { failureView, fallbackView, loadingView, stepLabel, successView } from './views.js';


/**
 * The modal and the payment flow behind it: everything after the pay button, in a chunk of its
 * own that the element fetches on the buyer's first sign of intent (pointer, focus, touch) and
 * never on the page's initial path. Draws the native `<dialog>` (WAI-ARIA modal pattern: opened
 * with `showModal()`, focus moved in and given back, Escape closes, labelled by its title) and
 * brings its own styles and words.
 */
export class CheckoutModal implements ReactiveController {
  readonly #checkout: CheckoutController;
  #shown = false;
  /** The dialog stepped aside for the provider's own overlay (Halyk's widget): focus is given back later. */
  #asideFromShown = false;
  #returnFocus: HTMLElement | null = null;
  /** The phase last drawn, to see a view being replaced. */
  #drawnPhase: Phase = 'idle';
  /** No `prepare` yet: the first comes as this code has just been evaluated. */
  #justArrived = true;
  /** The dialog is drawn and will be shown in the task after (`hostUpdated`). */
  #showing: Promise<void> | undefined;

  constructor(
    private readonly host: LitElement,
    private readonly locale: LocaleController,
    private readonly input: () => CheckoutInput,
  ) {
    this.#checkout = new CheckoutController(host, {
      input,
      messages: () => this.#messages,
      lang: () => this.locale.lang,
      paymentFrameWindow: () => host.renderRoot.querySelector<HTMLIFrameElement>('iframe.frame')?.contentWindow,
    });
    host.addController(this);
    // A language is taken from now on only once the modal's words are here too.
    locale.require(modalMessages);
  }

  /** The modal's words in the element's language; Russian if that language's chunk never came. */
  get #messages(): Messages {
    return modalMessages.ifLoaded(this.locale.lang) ?? modalMessages.ifLoaded('ru')!;
  }

  /** The buyer shows intent (or the button is on screen): get the provider, the connections and the tap's code ready before the click. */
  prepare(): void {
    // The code's evaluation was one task; making the order ready (parsing, building, asking the
    // sealer) is the next, so that neither holds a phone's main thread long.
    if (this.#justArrived) {
      this.#justArrived = false;
      void nextTask().then(() => this.prepare());
      return;
    }
    // A tap is several intents (pointer, then focus) before its click: once the order is ready
    // for these parameters, the rest do nothing.
    let changed = true;
    try {
      changed = this.#checkout.readyAhead();
    } catch (error) {
      // A bug of ours, which Pay will meet and report as an outcome; a preload must not throw.
      console.error('[ktpay-checkout]', error);
    }
    if (changed) prepareForPayment(this.input());
  }

  /** Pay was pressed and the modal is about to be drawn (in the task after the click's), then shown (in the next). */
  get drawing(): Promise<void> | undefined {
    return this.#checkout.drawing ?? this.#showing;
  }

  /** Starts the payment, once the modal's words in the element's language are here. */
  open(input: CheckoutInput): Promise<KtpayResult> {
    if (!this.locale.pending) return this.#checkout.open(input);
    return this.locale.ready.then(() => this.#checkout.open(input));
  }

  close(): void {
    this.#checkout.close();
  }

  hostConnected(): void {
    const root = this.host.renderRoot;
    if (root instanceof ShadowRoot) adoptStyles(root, [...(this.host.constructor as typeof LitElement).elementStyles, modalStyles]);
  }

  hostDisconnected(): void {
    this.#closed(false);
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (this.#checkout.phase === 'handed-over') {
      this.#stepAside();
    } else if (dialog && !dialog.open && this.host.isConnected) {
      // Shown in a task of its own: showModal() lays the dialog out at once, to move focus into it;
      // with the drawing, that was one task of 45-65 ms on a phone (4x CPU).
      this.#showing ??= nextTask().then(() => {
        this.#showing = undefined;
        this.#show();
      });
    } else if (!dialog) {
      this.#closed(true);
    } else if (this.#checkout.phase !== this.#drawnPhase) {
      this.#keepFocusIn(dialog);
    }
    this.#drawnPhase = this.#checkout.phase;
  }

  /** The dialog drawn, if it is still to be shown: modal, focus moved in, the page's scroll held. */
  #show(): void {
    const dialog = this.host.renderRoot.querySelector('dialog');
    // Closed, removed or handed over to the provider's overlay since it was drawn: nothing to show.
    if (!dialog || !this.host.isConnected || this.#checkout.phase === 'handed-over') return;
    // Back from the provider's overlay, focus goes back where it was before Pay, not to its frame.
    if (!this.#asideFromShown) this.#returnFocus = deepActiveElement();
    this.#asideFromShown = false;
    dialog.showModal();
    this.#shown = true;
    lockPageScroll();
  }

  /**
   * A new view replaced the one holding focus (the payment iframe, Try again): focus would fall to
   * the page's body, and a screen reader would lose its place. Move it to the view's main action,
   * else the close button. Only on a change of view, so a re-render never pulls focus back.
   */
  #keepFocusIn(dialog: HTMLDialogElement): void {
    const active = this.host.shadowRoot?.activeElement;
    if (active && dialog.contains(active)) return;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    dialog.querySelector<HTMLElement>('.result .primary, [part~="close-button"]')?.focus();
  }

  /**
   * Halyk's widget puts its own overlay on the page's body, below the top layer: the dialog closes
   * so the buyer sees exactly one overlay, and Halyk's takes focus. The payment goes on.
   */
  #stepAside(): void {
    if (!this.#shown) return;
    this.#shown = false;
    this.#asideFromShown = true;
    unlockPageScroll();
  }

  #closed(restoreFocus: boolean): void {
    // Ended while Halyk's overlay had the buyer (Escape, removal): focus goes back all the same.
    if (!this.#shown && !this.#asideFromShown) return;
    if (this.#shown) unlockPageScroll(); // stepping aside already unlocked it
    this.#shown = false;
    this.#asideFromShown = false;
    if (!restoreFocus) return;
    const target = this.#returnFocus?.isConnected ? this.#returnFocus : this.host.renderRoot.querySelector('button');
    target?.focus();
    this.#returnFocus = null;
  }

  /**
   * Tab past the end of the payment page: Firefox would cycle inside the iframe and never come
   * back to the dialog. A guard at the dialog's end is a Tab stop only while focus is in the
   * iframe, and hands focus on to the dialog's first control, as the other engines do. Shift+Tab
   * and the tab order outside the iframe are untouched.
   */
  #onFocusMove = () => {
    // No focus event reaches the iframe element when focus enters its page: look once focus settled.
    setTimeout(() => {
      const root = this.host.shadowRoot;
      const guard = root?.querySelector<HTMLElement>('.focus-guard');
      if (guard && root!.activeElement !== guard) guard.tabIndex = root!.activeElement instanceof HTMLIFrameElement ? 0 : -1;
    });
  };
  #onGuardFocus = () => this.host.renderRoot.querySelector<HTMLElement>('[part~="close-button"]')?.focus();
  #onClose = () => this.close();
  #onRetry = () => this.#checkout.retry();
  #onContinue = () => this.#checkout.continue();
  #onFrameLoad = () => this.#checkout.frameLoaded();
  #onLeaveForPage = () => this.#checkout.leaveForPaymentPage();
  /** Escape: close through our own path so the buyer gets `ktpay:close` with reason `cancel`. */
  #onCancel = (event: Event) => {
    event.preventDefault();
    this.close();
  };

  /** The dialog, or nothing while no payment is under way. */
  render() {
    const checkout = this.#checkout;
    const { phase } = checkout;
    if (phase === 'idle' || phase === 'handed-over') return nothing;
    const messages = this.#messages;
    const { lang } = this.locale;
    const failure = checkout.failure ? describeFailure(checkout.failure, messages) : undefined;
    const step = stepLabel(phase, messages);
    const announcement =
      step ??
      (phase === 'succeeded' ? messages.ui.successTitle : failure ? `${messages.ui.failedTitle}. ${failure.message}` : '');
    const framed = phase === 'acquirer' || phase === 'opening' || phase === 'paying';
    // The dialog closed by other means (a browser that ignored preventDefault): `close` keeps state in step.
    return html`<dialog part="dialog" lang=${lang} aria-labelledby="title" @keydown=${ignoreHeldKeys} @cancel=${this.#onCancel} @close=${this.#onClose}
      @focusin=${this.#onFocusMove} @focusout=${this.#onFocusMove}>
      <div class="header" part="header">
        <h2 class="title" id="title" part="title">${messages.ui.title}</h2>
        <button type="button" class="close" part="close-button" aria-label=${messages.ui.close} @click=${this.#onClose}>
          ×
        </button>
      </div>
      <div class="body" part="body">
        <p class="visually-hidden" role="status">${announcement}</p>
        ${step ? loadingView(phase, messages) : nothing}
        ${framed && checkout.pageUrl
          ? html`<iframe class="frame ${phase === 'paying' ? '' : 'pending'}" part="payment-frame"
              src=${checkout.pageUrl.href} title=${messages.ui.paymentFrameTitle} allow="payment"
              sandbox="allow-scripts allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox"
              referrerpolicy="origin" @load=${this.#onFrameLoad}></iframe>`
          : nothing}
        ${framed && checkout.wholeWindowUrl ? fallbackView(checkout.wholeWindowUrl, messages, this.#onLeaveForPage) : nothing}
        ${phase === 'succeeded' && checkout.receipt
          ? successView({ receipt: checkout.receipt, lang, messages, onContinue: this.#onContinue })
          : nothing}
        ${phase === 'failed' && failure
          ? failureView({
              detail: failure,
              errorType: errorTypeName(checkout.failure!, messages),
              messages,
              retryable: checkout.retryable,
              leavesPage: checkout.continuesToMerchant,
              onRetry: this.#onRetry,
              onContinue: this.#onContinue,
            })
          : nothing}
      </div>
      ${framed ? html`<span class="focus-guard" tabindex="-1" @focus=${this.#onGuardFocus}></span>` : nothing}
    </dialog>`;
  }
}

/** The focused element, looking inside shadow roots (the pay button lives in ours). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
