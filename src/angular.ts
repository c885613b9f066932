// ktpay-checkout/angular: a standalone directive on <ktpay-checkout> for Angular templates. Its
// inputs are the element's properties, typed (`[orderId]`, `[amount]`), set on the element as they
// change; its outputs are the ktpay:* events without the colon Angular's templates refuse
// (`(ktpaySuccess)`), each carrying the CustomEvent (its `detail`, and `preventDefault()` to stay on
// the page). Registers <ktpay-checkout> on import, like the main entry. Published partially
// compiled (npm run build: ngc, then Vite), as Angular libraries must be for AOT apps.
import { Directive, ElementRef, EventEmitter, inject, type OnChanges, type SimpleChanges } from '@angular/core';
import { defineKtpayCheckout } from './define.js';
import type { KtpayCheckout as KtpayCheckoutElement } from './element/ktpay-checkout.js';
import type { KtpayCheckoutProps, KtpayEventDetail, KtpayEventName } from './framework-bindings.js';

defineKtpayCheckout();

/**
 * Every property of the element, as Angular's compiler must see them: written out, since it reads
 * the list when it compiles (KtpayInputsMissing below fails the build if one is missing).
 */
const KTPAY_INPUTS = [
  'appId', 'appKey', 'testMode', 'apiUrl', 'widgetUrl', 'orderId', 'amount', 'type', 'serviceId',
  'contractValue', 'description', 'callbackBackUrl', 'callbackSuccessUrl', 'callbackFailedUrl',
  'callbackPostUrl', 'callbackForceBackUrl', 'callbackForceSuccessUrl', 'callbackForceFailedUrl',
  'merchantUserId', 'phone', 'email', 'showCloseButton', 'timeout', 'mode', 'returnParams', 'provider',
  'terminal', 'authUrl', 'currency', 'cardSave', 'epayOperation', 'epayScriptUrl',
  'callbackFailedPostUrl', 'preload', 'theme', 'lang',
] as const;

/** An output's value: the event, typed with its detail. */
type KtpayEventOf<N extends KtpayEventName> = CustomEvent<KtpayEventDetail<N>>;

// The inputs' types: the class gets the element's properties by declaration merging.
export interface KtpayCheckoutDirective extends KtpayCheckoutProps {}

@Directive({
  selector: 'ktpay-checkout',
  inputs: [...KTPAY_INPUTS],
  // In the metadata rather than `output()`: the same in an AOT app, and seen by the JIT compiler too.
  outputs: ['ktpayOpen', 'ktpayCreated', 'ktpaySuccess', 'ktpayFailed', 'ktpayClose'],
  exportAs: 'ktpayCheckout',
})
export class KtpayCheckoutDirective implements OnChanges {
  /** The <ktpay-checkout> element (`#pay="ktpayCheckout"`, then `pay.element.open()`). */
  readonly element: KtpayCheckoutElement = inject<ElementRef<KtpayCheckoutElement>>(ElementRef).nativeElement;

  readonly ktpayOpen = new EventEmitter<KtpayEventOf<'open'>>();
  readonly ktpayCreated = new EventEmitter<KtpayEventOf<'created'>>();
  readonly ktpaySuccess = new EventEmitter<KtpayEventOf<'success'>>();
  readonly ktpayFailed = new EventEmitter<KtpayEventOf<'failed'>>();
  readonly ktpayClose = new EventEmitter<KtpayEventOf<'close'>>();

  constructor() {
    // On the element itself, so the listeners go with it.
    const outputs = { open: this.ktpayOpen, created: this.ktpayCreated, success: this.ktpaySuccess, failed: this.ktpayFailed, close: this.ktpayClose };
    for (const [name, emitter] of Object.entries(outputs)) {
      this.element.addEventListener(`ktpay:${name}`, (event) => emitter.emit(event as KtpayEventOf<never>));
    }
  }

  ngOnChanges(changes: SimpleChanges): void {
    const element = this.element as unknown as Record<string, unknown>;
    for (const [name, { currentValue }] of Object.entries(changes)) {
      // `lang = undefined` would be the language "undefined": unset, the page's language applies.
      if (name === 'lang' && currentValue == null) this.element.removeAttribute('lang');
      else element[name] = currentValue;
    }
  }

  /** The element's `open()`: starts the payment, resolves with its outcome. */
  open(): ReturnType<KtpayCheckoutElement['open']> {
    return this.element.open();
  }

  /** The element's `close()`. */
  close(): void {
    this.element.close();
  }
}

/** Fails to compile, naming it, when the element gains a property the directive does not take. */
type Never<T extends never> = T;
export type KtpayInputsMissing = Never<Exclude<keyof KtpayCheckoutProps, (typeof KTPAY_INPUTS)[number]>>;

export type { KtpayCheckoutElement, KtpayCheckoutProps, KtpayEventDetail, KtpayEventName };
export type * from './events.js';
export type { ErrorText, Lang } from './i18n/messages.js';
