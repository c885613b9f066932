import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { CheckoutController, type Phase } from '../checkout/checkout-controller.js';
import { describeFailure, errorTypeName } from '../checkout/describe-failure.js';
import { warmSodium } from '../crypto/sodium.js';
import type { KtpayResult } from '../events.js';
import type { Lang, Messages } from '../i18n/messages.js';
import { ATTRIBUTE_NAMES, type CheckoutInput } from '../params/params.js';
import { lockPageScroll, unlockPageScroll } from './scroll-lock.js';
import { styles } from './ktpay-checkout.styles.js';
import { LocaleController } from './locale-controller.js';
import { failureView, fallbackView, loadingView, stepLabel, successView } from './views.js';

/**
 * A pay button that takes a card payment through KTPay in a modal: it seals the order with
 * libsodium, creates the transaction, shows KTPay's payment page (and the bank's card form) in an
 * iframe, and tells the page the outcome.
 *
 * @summary Card payments through KTPay (Kazakhstan) on any page.
 * @tag ktpay-checkout
 *
 * @slot - The pay button's label. A localized "Pay" when empty.
 *
 * @event {CustomEvent<KtpayOpenDetail>} ktpay:open - The modal opened.
 * @event {CustomEvent<KtpayCreatedDetail>} ktpay:created - KTPay created the transaction and returned its payment page.
 * @event {CustomEvent<KtpaySuccessDetail>} ktpay:success - The payment page reported authorized, success or completed. Cancelable: cancel to stay on the page instead of the merchant's success URL.
 * @event {CustomEvent<KtpayFailedDetail>} ktpay:failed - The attempt ended unsuccessfully (validation, crypto, network, api, acquirer). Cancelable like ktpay:success.
 * @event {CustomEvent<KtpayCloseDetail>} ktpay:close - The modal closed.
 *
 * @csspart button - The pay button.
 * @csspart dialog - The modal `<dialog>`.
 * @csspart header - The modal's title bar.
 * @csspart title - The modal's title.
 * @csspart close-button - The modal's close button.
 * @csspart body - The modal's content area.
 * @csspart loading - The loading steps.
 * @csspart payment-frame - The iframe with the payment page.
 * @csspart fallback - The line offering the payment page in the whole window, when it shows no sign of life.
 * @csspart fallback-link - Its link.
 * @csspart result - The success or failure view.
 * @csspart action - The result view's buttons (also `retry` and `continue`).
 *
 * @cssproperty --ktpay-accent - Button and highlight colour.
 * @cssproperty --ktpay-accent-text - Text on the accent colour.
 * @cssproperty --ktpay-text - Text colour in the modal.
 * @cssproperty --ktpay-muted - Secondary text colour.
 * @cssproperty --ktpay-background - The modal's background.
 * @cssproperty --ktpay-danger - Failure colour.
 * @cssproperty --ktpay-radius - Corner radius of the button and modal.
 * @cssproperty --ktpay-font - Font family.
 * @cssproperty --ktpay-spacing - Base spacing in the modal.
 * @cssproperty --ktpay-modal-width - The modal's width on wide screens.
 * @cssproperty --ktpay-frame-height - Height of the payment page.
 */
export class KtpayCheckout extends LitElement {
  static override styles = styles;

  /** KTPay application id, sent as the `Auth-Identifier` header. Required. */
  @property({ attribute: 'app-id' }) appId?: string;
  /** The merchant's public X25519 key (base64, 32 bytes) the order is sealed to. Required. */
  @property({ attribute: 'app-key' }) appKey?: string;
  /** Use KTPay's test endpoints instead of production. */
  @property({ attribute: 'test-mode', type: Boolean }) testMode = false;
  /** Overrides the API endpoint (sandbox, proxy). May be relative to the page. */
  @property({ attribute: 'api-url' }) apiUrl?: string;
  /** Overrides the payment page base (sandbox, proxy). May be relative to the page. */
  @property({ attribute: 'widget-url' }) widgetUrl?: string;
  /** The merchant's order number, unique per transaction. Required. */
  @property({ attribute: 'order-id' }) orderId?: string;
  /** Amount in tenge, > 0 with at most 2 decimals. Required. */
  @property() amount?: string | number;
  /** `ecom` (default) or `service`. */
  @property() type?: 'ecom' | 'service' | string;
  /** KTPay service id; required when type is `service`. */
  @property({ attribute: 'service-id' }) serviceId?: string | number;
  /** Contract number for the service (phone, account…); required when type is `service`. */
  @property({ attribute: 'contract-value' }) contractValue?: string;
  /** Text description of the transaction. */
  @property() description?: string;
  /** Where the buyer returns to the shop (absolute http(s)). */
  @property({ attribute: 'callback-back-url' }) callbackBackUrl?: string;
  /** Where the buyer goes after a success, from the result view's Continue. */
  @property({ attribute: 'callback-success-url' }) callbackSuccessUrl?: string;
  /** Where the buyer goes after a failure, from the result view's Continue. */
  @property({ attribute: 'callback-failed-url' }) callbackFailedUrl?: string;
  /** Where KTPay POSTs the final status (the merchant's server). */
  @property({ attribute: 'callback-post-url' }) callbackPostUrl?: string;
  /** Where the buyer goes at once after the payment, skipping the result view. */
  @property({ attribute: 'callback-force-back-url' }) callbackForceBackUrl?: string;
  /** Where the buyer goes at once after a success. */
  @property({ attribute: 'callback-force-success-url' }) callbackForceSuccessUrl?: string;
  /** Where the buyer goes at once after a failure. */
  @property({ attribute: 'callback-force-failed-url' }) callbackForceFailedUrl?: string;
  /** The buyer's id in the merchant's system. */
  @property({ attribute: 'merchant-user-id' }) merchantUserId?: string;
  /** The buyer's phone. */
  @property() phone?: string;
  /** The buyer's email. */
  @property() email?: string;
  /** `"false"` hides the payment page's own close cross. */
  @property({ attribute: 'show-close-button' }) showCloseButton?: string | boolean;
  /** Seconds any single wait (encryption module, KTPay's answer) may take. Default 30. */
  @property() timeout?: string | number;
  /**
   * `modal` (default) shows the payment page in the element's modal; `redirect` sends the whole
   * page there instead (for pages where framing fails). The buyer returns through the callback URLs.
   */
  @property() mode?: 'modal' | 'redirect' | string;

  readonly #locale = new LocaleController(this);
  readonly #checkout = new CheckoutController(this);
  #modalShown = false;
  #returnFocus: HTMLElement | null = null;
  /** The phase last drawn, to see a view being replaced. */
  #drawnPhase: Phase = 'idle';

  // `lang` is a global HTML attribute with a native property; observe it rather than redeclare it.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.#locale.sync();
  }

  /** Also waits for the words of a newly set language, so the element is drawn in it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    let awaited: Promise<void> | undefined;
    while (this.#locale.pending && awaited !== this.#locale.ready) {
      awaited = this.#locale.ready;
      await awaited;
      complete = (await super.getUpdateComplete()) && complete;
    }
    return complete;
  }

  /**
   * Opens the modal and starts the payment. Resolves when the payment ends or the buyer closes
   * the modal; never rejects for a payment outcome. While one is in progress, returns its promise.
   */
  open(): Promise<KtpayResult> {
    return this.#checkout.open();
  }

  /** Closes the modal; a payment not yet ended is cancelled (`ktpay:close` with reason `cancel`). */
  close(): void {
    this.#checkout.close();
  }

  /**
   * The language the element speaks: `lang` (`kz` is read as `kk`), else the page's `<html lang>`,
   * else Russian. A newly set language takes over once its translations have loaded.
   */
  get language(): Lang {
    return this.#locale.lang;
  }

  /** @internal for the controller */
  checkoutInput(): CheckoutInput {
    const keys = Object.keys(ATTRIBUTE_NAMES) as (keyof CheckoutInput)[];
    return Object.fromEntries(keys.map((key) => [key, this[key]])) as CheckoutInput;
  }

  /** @internal for the controller */
  messages(): Messages {
    return this.#locale.messages;
  }

  /** @internal for the controller */
  paymentFrameWindow(): Window | null | undefined {
    return this.renderRoot.querySelector<HTMLIFrameElement>('iframe.frame')?.contentWindow;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#modalClosed(false);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open && this.isConnected) {
      this.#returnFocus = deepActiveElement();
      dialog.showModal();
      this.#modalShown = true;
      lockPageScroll();
    } else if (!dialog) {
      this.#modalClosed(true);
    } else if (this.#checkout.phase !== this.#drawnPhase) {
      this.#keepFocusIn(dialog);
    }
    this.#drawnPhase = this.#checkout.phase;
  }

  /**
   * A new view replaced the one holding focus (the payment iframe, Try again): focus would fall to
   * the page's body, and a screen reader would lose its place. Move it to the view's main action,
   * else the close button. Only on a change of view, so a re-render never pulls focus back.
   */
  #keepFocusIn(dialog: HTMLDialogElement): void {
    const active = this.shadowRoot?.activeElement;
    if (active && dialog.contains(active)) return;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    dialog.querySelector<HTMLElement>('.result .primary, [part~="close-button"]')?.focus();
  }

  #modalClosed(restoreFocus: boolean): void {
    if (!this.#modalShown) return;
    this.#modalShown = false;
    unlockPageScroll();
    if (!restoreFocus) return;
    const target = this.#returnFocus?.isConnected ? this.#returnFocus : this.renderRoot.querySelector('button');
    target?.focus();
    this.#returnFocus = null;
  }

  #onPay = () => void this.open();
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
  /**
   * A held Enter repeats: the first press pays and moves focus into the modal, where the repeats
   * would press its close button and then Pay again. Only a fresh press activates anything.
   */
  #onKeydown = (event: KeyboardEvent) => {
    if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
  };
  /** The dialog closed by other means (a browser that ignored preventDefault): keep state in step. */
  #onDialogClose = () => this.close();

  protected override render() {
    const { messages, lang, pending } = this.#locale;
    // While the first language loads, the default label keeps its room but waits for its words.
    const label = html`<span class=${pending && this.#checkout.phase === 'idle' ? 'label loading' : 'label'}>${messages.ui.pay}</span>`;
    return html`<button type="button" class="pay" part="button" aria-haspopup="dialog" lang=${lang}
        @click=${this.#onPay} @keydown=${this.#onKeydown} @pointerenter=${warmSodium} @focus=${warmSodium}>
        <slot>${label}</slot>
      </button>
      ${this.#checkout.phase === 'idle' ? nothing : this.#renderModal(messages)}`;
  }

  #renderModal(messages: Messages) {
    const checkout = this.#checkout;
    const { phase } = checkout;
    const failure = checkout.failure ? describeFailure(checkout.failure, messages) : undefined;
    const step = stepLabel(phase, messages);
    const announcement =
      step ??
      (phase === 'succeeded' ? messages.ui.successTitle : failure ? `${messages.ui.failedTitle}. ${failure.message}` : '');
    const framed = phase === 'acquirer' || phase === 'opening' || phase === 'paying';
    return html`<dialog part="dialog" lang=${this.#locale.lang} aria-labelledby="title" @keydown=${this.#onKeydown} @cancel=${this.#onCancel} @close=${this.#onDialogClose}>
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
        ${framed && checkout.pageUrl && checkout.pageSilent ? fallbackView(checkout.pageUrl, messages, this.#onLeaveForPage) : nothing}
        ${phase === 'succeeded' && checkout.receipt
          ? successView({ receipt: checkout.receipt, lang: this.#locale.lang, messages, onContinue: this.#onContinue })
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
    </dialog>`;
  }
}

/** The focused element, looking inside shadow roots (the pay button lives in ours). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
