import { html, LitElement, nothing, type PropertyDeclaration, type PropertyDeclarations } from 'lit';
import { emit, withProvider, type KtpayFailedDetail, type KtpayResult } from '../events.js';
import type { Lang } from '../i18n/messages.js';
import type { CheckoutInput } from '../params/params.js';
import { mayBeReturnFromPaymentPage } from '../core/own-callback-marker.js';
import { DEFAULT_TIMEOUT_SECONDS, readTimeoutMs } from '../params/timeout.js';
import { deadline } from '../util/deadline.js';
import { ignoreHeldKeys } from './held-keys.js';
import { styles } from './ktpay-checkout.styles.js';
import { LocaleController } from './locale-controller.js';
import { PreloadController, savingData, type PreloadPolicy } from './preload-controller.js';
import type { CheckoutModal } from './modal/checkout-modal.js';
import { loadModalCode, startSealerEarly } from './modal-code.js';

/**
 * A pay button that takes a card payment through KTPay in a modal: it seals the order with
 * libsodium, creates the transaction, shows KTPay's payment page (and the bank's card form) in an
 * iframe, and tells the page the outcome.
 *
 * @summary Card payments through KTPay (Kazakhstan) on any page.
 * @tag ktpay-checkout
 *
 * @attr {string} lang - The element's language: `ru`, `kk` (`kz` is read as `kk`) or `en`. Unset, the page's `<html lang>`, else Russian.
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
 * @csspart receipt-link - The success view's link to KTPay's PDF receipt (where the transaction is known).
 * @csspart action - The result view's buttons.
 * @csspart retry - The failure view's Try again.
 * @csspart continue - The result view's Continue (or Close).
 *
 * @cssproperty [--ktpay-accent=#0a7c5a] - Button and highlight colour.
 * @cssproperty [--ktpay-accent-text=#fff] - Text on the accent colour.
 * @cssproperty [--ktpay-text=#1b1f24] - Text colour in the modal.
 * @cssproperty [--ktpay-muted=#5b6470] - Secondary text colour.
 * @cssproperty [--ktpay-background=#fff] - The modal's background.
 * @cssproperty [--ktpay-danger=#b42318] - Failure colour.
 * @cssproperty [--ktpay-radius=10px] - Corner radius of the button and modal.
 * @cssproperty [--ktpay-font=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font family.
 * @cssproperty [--ktpay-spacing=16px] - Base spacing in the modal.
 * @cssproperty [--ktpay-modal-width=480px] - The modal's width on wide screens.
 * @cssproperty [--ktpay-frame-height=620px] - Height of the payment page.
 * @cssproperty [--ktpay-backdrop=rgb(10 14 20 / 0.55)] - What covers the page behind the modal.
 */
export class KtpayCheckout extends LitElement {
  static override styles = styles;

  /**
   * The attributes, one per transaction parameter, read into properties (never reflected back).
   * `static properties` rather than decorators: the same, in fewer bytes on the page's initial path.
   * Annotated rather than `satisfies`: the manifest's analyzer reads only this form.
   */
  static override properties: PropertyDeclarations = {
    appId: {},
    appKey: {},
    sealUrl: {},
    testMode: { type: Boolean },
    apiUrl: {},
    widgetUrl: {},
    orderId: {},
    amount: {},
    type: {},
    serviceId: {},
    contractValue: {},
    description: {},
    callbackBackUrl: {},
    callbackSuccessUrl: {},
    callbackFailedUrl: {},
    callbackPostUrl: {},
    callbackForceBackUrl: {},
    callbackForceSuccessUrl: {},
    callbackForceFailedUrl: {},
    merchantUserId: {},
    phone: {},
    email: {},
    showCloseButton: {},
    timeout: {},
    mode: {},
    returnParams: {},
    provider: {},
    terminal: {},
    authUrl: {},
    currency: {},
    cardSave: { type: Boolean },
    epayOperation: {},
    epayScriptUrl: {},
    callbackFailedPostUrl: {},
    preload: {},
    // Reflected, as the one attribute the styles read: set as a property (React, Vue), it still themes.
    theme: { reflect: true },
  };
  /**
   * Each property's attribute is its name in kebab case (`orderId` → `order-id`): said once here
   * rather than per property (bytes on the page's initial path). The manifest's analyzer is told
   * the same (custom-elements-manifest.config.mjs).
   * @internal
   */
  static override createProperty(name: PropertyKey, options?: PropertyDeclaration): void {
    super.createProperty(name, { attribute: String(name).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...options });
  }


  /** KTPay application id, sent as the `Auth-Identifier` header. Required. */
  declare appId?: string;
  /**
   * The merchant's public X25519 key (base64, 32 bytes) the order is sealed to in the browser.
   * Required unless `seal-url` is set.
   */
  declare appKey?: string;
  /**
   * The merchant's endpoint that seals the order on its server (`createKtpaySealHandler` of
   * ktpay-checkout/server), the recommended setup: the amount and the callback URL are the
   * server's, and no libsodium loads in the page. Pay POSTs `{"orderId","amount","returnUrls"}` as
   * JSON and sends the `sealed` it answers to KTPay; `app-key` is then not needed. KTPay only. May
   * be relative.
   */
  declare sealUrl?: string;
  /** Use KTPay's test endpoints instead of production. */
  testMode = false;
  /** Overrides the API endpoint (sandbox, proxy). May be relative to the page. */
  declare apiUrl?: string;
  /** Overrides the payment page base (sandbox, proxy). May be relative to the page. */
  declare widgetUrl?: string;
  /** The merchant's order number, unique per transaction. Required. */
  declare orderId?: string;
  /** Amount in tenge, > 0 with at most 2 decimals. Required. */
  declare amount?: string | number;
  /** `ecom` (default) or `service`. */
  declare type?: 'ecom' | 'service' | string;
  /** KTPay service id; required when type is `service`. */
  declare serviceId?: string | number;
  /** Contract number for the service (phone, account…); required when type is `service`. */
  declare contractValue?: string;
  /** Text description of the transaction. */
  declare description?: string;
  /** Where the buyer returns to the shop (absolute http(s)). */
  declare callbackBackUrl?: string;
  /** Where the buyer goes after a success, from the result view's Continue. */
  declare callbackSuccessUrl?: string;
  /** Where the buyer goes after a failure, from the result view's Continue. */
  declare callbackFailedUrl?: string;
  /** Where KTPay POSTs the final status (the merchant's server). */
  declare callbackPostUrl?: string;
  /** Where the buyer goes at once after the payment, skipping the result view. */
  declare callbackForceBackUrl?: string;
  /** Where the buyer goes at once after a success. */
  declare callbackForceSuccessUrl?: string;
  /** Where the buyer goes at once after a failure. */
  declare callbackForceFailedUrl?: string;
  /** The buyer's id in the merchant's system. */
  declare merchantUserId?: string;
  /** The buyer's phone. */
  declare phone?: string;
  /** The buyer's email. */
  declare email?: string;
  /** `"false"` hides the payment page's own close cross. */
  declare showCloseButton?: string | boolean;
  /** Seconds any single wait (encryption module, KTPay's answer) may take. Default 30. */
  declare timeout?: string | number;
  /**
   * `modal` (default) shows the payment page in the element's modal; `redirect` sends the whole
   * page there instead (for pages where framing fails). The buyer returns through the callback URLs.
   */
  declare mode?: 'modal' | 'redirect' | string;
  /**
   * Query parameters of this page's address (space- or comma-separated names) that the element's
   * own return URLs keep. By default none: they are the page's origin and path only, so a token or
   * session id in the address never reaches KTPay.
   */
  declare returnParams?: string;
  /**
   * Who carries the payment: `ktpay` (the default) or `epay`, Halyk ePay directly, with
   * `terminal` and `auth-url` instead of `app-id` and `app-key`.
   */
  declare provider?: 'ktpay' | 'epay' | string;
  /** ePay: the terminal id from ePay's merchant cabinet. Required with `provider="epay"`. */
  declare terminal?: string;
  /**
   * ePay: the merchant's own endpoint that answers an ePay token for the order (see
   * `createEpayAuthHandler` in ktpay-checkout/server). The element POSTs
   * `{"invoiceId","amount","currency"}` as JSON. Required with `provider="epay"`. May be relative.
   */
  declare authUrl?: string;
  /** ePay: the currency, ISO 4217. Default `KZT`. */
  declare currency?: string;
  /** ePay: offer the buyer to save the card (`cardSave`). */
  declare cardSave?: boolean;
  /** ePay: `pay` (default) or `p2p`, a transfer (seed 003), in `mode="redirect"`. */
  declare epayOperation?: 'pay' | 'p2p' | string;
  /** ePay: where Halyk's payment-api.js is loaded from. Default Halyk's host for `test-mode`. */
  declare epayScriptUrl?: string;
  /** ePay: where ePay POSTs a failed payment (`failurePostLink`); `callback-post-url` otherwise. */
  declare callbackFailedPostUrl?: string;
  /** `light` or `dark` fixes the modal's colours; unset, they follow the buyer's `prefers-color-scheme`. */
  declare theme?: 'light' | 'dark';
  /**
   * When the payment's code (the modal, and libsodium in a worker) loads ahead of Pay: `visible`
   * (the default) once the button is on screen and the browser idle, unless the buyer saves data
   * or is on 2G; `intent` at the buyer's first sign (pointer, focus, touch); `none` at Pay.
   */
  declare preload?: PreloadPolicy | string;

  readonly #locale = new LocaleController(this);
  readonly #preload = new PreloadController(this, () => this.preload !== 'intent' && !savingData() && this.#onIntent());
  /** The modal and the payment flow, once their code has loaded (on intent, or at Pay). */
  #modal: CheckoutModal | undefined;
  #modalLoading: Promise<CheckoutModal> | undefined;
  /** Pay was pressed before the modal's code was here: the payment it will start. */
  #opening: Promise<KtpayResult> | undefined;
  /** That Pay waits for the code: true until the payment has started (or failed to). */
  #codeArriving = false;
  /** Counts closes and removals: a Pay from before one starts nothing when the code arrives. */
  #closes = 0;
  /** Upgraded in the document, where it stood before the element was defined (`scheduleUpdate`). */
  readonly #upgraded = this.isConnected;

  // `lang` is a global HTML attribute with a native property; observe it rather than redeclare it.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.#locale.sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#closes++;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from the payment page in the whole window: the modal shows the outcome at once.
    if (mayBeReturnFromPaymentPage()) this.#loadModal().catch(() => {});
  }

  /**
   * Also waits for what will draw more: after Pay, the modal's code and the modal's first drawing
   * (in the task after the click's); a newly set language's words, so the element is drawn in it.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    let awaitedWords: Promise<void> | undefined;
    for (;;) {
      let pending: Promise<unknown> | undefined;
      // The payment starts in a reaction to the code's arrival registered before this one.
      if (this.#codeArriving) pending = this.#modalLoading?.catch(() => {});
      else if (this.#locale.pending && awaitedWords !== this.#locale.ready) pending = awaitedWords = this.#locale.ready;
      else pending = this.#modal?.drawing;
      if (!pending) return complete;
      await pending;
      complete = (await super.getUpdateComplete()) && complete;
    }
  }

  /**
   * Opens the modal and starts the payment. Resolves when the payment ends or the buyer closes
   * the modal; never rejects for a payment outcome. While one is in progress, returns its promise.
   */
  open(): Promise<KtpayResult> {
    if (this.#opening) return this.#opening;
    // Properties set before the element was defined come back in its first update, a task later.
    if (!this.hasUpdated && this.isConnected) this.performUpdate();
    // Read now: attributes changed after the click do not change this payment.
    const input = this.#input();
    if (this.#modal) return this.#modal.open(input);
    const closes = this.#closes;
    this.#codeArriving = true;
    // A bad `timeout` is reported once the parameters are read; meanwhile the default applies.
    const timeoutMs = readTimeoutMs(this.timeout) ?? DEFAULT_TIMEOUT_SECONDS * 1000;
    const arriving = deadline(this.#loadModal(), timeoutMs);
    const opening = arriving.then(
      (modal): Promise<KtpayResult> | KtpayResult => {
        this.#codeArriving = false;
        // Closed or removed while the code was on its way: that Pay is over.
        return closes === this.#closes ? modal.open(input) : { outcome: 'cancelled' };
      },
      (error: unknown) => {
        this.#codeArriving = false;
        return this.#unavailable(error);
      },
    );
    this.#setOpening(opening);
    void opening.then(() => this.#opening === opening && this.#setOpening(undefined));
    return opening;
  }

  /** Closes the modal; a payment not yet ended is cancelled (`ktpay:close` with reason `cancel`). */
  close(): void {
    this.#closes++;
    this.#modal?.close();
  }

  /**
   * The language the element speaks: `lang` (`kz` is read as `kk`), else the page's `<html lang>`,
   * else Russian. A newly set language takes over once its translations have loaded.
   */
  get language(): Lang {
    return this.#locale.lang;
  }

  /**
   * The modal's code, loaded once per page, and this element's modal made from it once. Not
   * bounded here: a preload keeps loading however long it takes; each Pay bounds its own wait.
   */
  #loadModal(): Promise<CheckoutModal> {
    if (this.#modalLoading) return this.#modalLoading;
    const loading = loadModalCode().then(({ CheckoutModal }) => {
      this.#modal ??= new CheckoutModal(this, this.#locale, () => this.#input());
      this.requestUpdate();
      return this.#modal;
    });
    loading.catch(() => {
      if (this.#modalLoading === loading) this.#modalLoading = undefined;
    });
    return (this.#modalLoading = loading);
  }

  /** The modal's code did not come: nothing was sent, and the page hears so, in the buyer's language. */
  #unavailable(error: unknown): KtpayResult {
    console.warn(`<${this.localName}>: the checkout's code did not load`, error);
    const detail: KtpayFailedDetail = {
      orderId: String(this.orderId ?? ''),
      source: 'network',
      code: null,
      message: this.#locale.buttonWords.unavailable,
    };
    const provider = this.provider === 'epay' ? 'epay' : 'ktpay';
    emit(this, 'ktpay:failed', detail, provider);
    return withProvider({ outcome: 'failed', ...detail }, provider);
  }

  #setOpening(opening: Promise<KtpayResult> | undefined): void {
    this.#opening = opening;
    this.requestUpdate();
  }

  /**
   * The element's properties now: the payment's parameters, as the flow reads them once per Pay.
   * One frozen object until a property changes, so a tap's several intents (pointer, touch, focus)
   * find the order made ready for it without reading and comparing them all again.
   */
  #input(): CheckoutInput {
    let input = inputs.get(this);
    if (!input) {
      const keys = Object.keys((this.constructor as typeof KtpayCheckout).properties) as (keyof CheckoutInput)[];
      inputs.set(this, (input = Object.freeze(Object.fromEntries(keys.map((key) => [key, this[key]])) as CheckoutInput)));
    }
    return input;
  }

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    // Called as a property is set, before any update: the next read sees the change.
    if (args[0] !== undefined) inputs.delete(this);
    super.requestUpdate(...args);
  }

  /**
   * An element upgraded where it stood (the markup came before the script; the page has shown it
   * empty until now) is first drawn in a task after the one that ran the script and upgraded it:
   * on an emulated phone (4× CPU) the two together were one task of 100–190 ms, the script alone
   * 70–90 ms (Lit's own start is most of it). One created later is drawn at once, as ever.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || !this.#upgraded) return super.scheduleUpdate();
    // A plain timeout: util/next-task.ts would bring its scheduler code onto the initial path.
    return new Promise((resolve) => setTimeout(resolve)).then(() => super.scheduleUpdate());
  }

  #onPay = () => void this.open();
  #onIntent = () => {
    if (this.preload === 'none') return;
    // Once the modal's code is here, the sealer has its start (ahead of it, or from the flow), and
    // a tap's intents (pointer, focus) find the order ready: nothing to wait for between them.
    if (this.#modal) return this.#modal.prepare();
    startSealerEarly(this);
    this.#loadModal().then(
      (modal) => modal.prepare(),
      () => {}, // Pay reports it
    );
  };

  protected override render() {
    const { buttonWords, lang, labelWaiting } = this.#locale;
    // While the first language loads, the default label keeps its room but waits for its words.
    const label = html`<span class=${labelWaiting ? 'label loading' : 'label'}>${buttonWords.pay}</span>`;
    // One line: its whitespace would ship on the page's initial path.
    // prettier-ignore
    return html`<button type="button" class="pay" part="button" aria-haspopup="dialog" aria-busy=${this.#codeArriving ? 'true' : nothing} lang=${lang} @click=${this.#onPay} @keydown=${ignoreHeldKeys} @pointerenter=${this.#onIntent} @focus=${this.#onIntent}><slot>${label}</slot></button>${this.#modal?.render() ?? nothing}`;
  }
}

/** Each element's parameters as last read (`#input`); a WeakMap, as a property may be set before the element's own fields exist. */
const inputs = new WeakMap<KtpayCheckout, CheckoutInput>();

/**
 * The element's settable properties, one per attribute (`orderId` for `order-id`): its public
 * members but its methods and the read-only `language`. The framework wrappers' props.
 */
export type KtpayCheckoutProperty = Exclude<keyof KtpayCheckout, keyof LitElement | 'open' | 'close' | 'language'>;
