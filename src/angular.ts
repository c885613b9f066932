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
  'appId', 'appKey', 'sealUrl', 'testMode', 'apiUrl', 'widgetUrl', 'orderId', 'amount', 'type', 'serviceId',
  'contractValue', 'description', 'callbackBackUrl', 'callbackSuccessUrl', 'callbackFailedUrl',
  'callbackPostUrl', 'callbackForceBackUrl', 'callbackForceSuccessUrl', 'callbackForceFailedUrl',
  'merchantUserId', 'phone', 'email', 'showCloseButton', 'timeout', 'mode', 'returnParams', 'provider',
  'terminal', 'authUrl', 'currency', 'cardSave', 'epayOperation', 'epayScriptUrl',
  'callbackFailedPostUrl', 'preload', 'theme', 'lang',
] as const;

type Props = KtpayCheckoutProps;

/** An output's value: the event, typed with its detail. */
type KtpayEventOf<N extends KtpayEventName> = CustomEvent<KtpayEventDetail<N>>;

@Directive({
  selector: 'ktpay-checkout',
  inputs: [...KTPAY_INPUTS],
  // In the metadata rather than `output()`: the same in an AOT app, and seen by the JIT compiler too.
  outputs: ['ktpayOpen', 'ktpayCreated', 'ktpaySuccess', 'ktpayFailed', 'ktpayClose'],
  exportAs: 'ktpayCheckout',
})
export class KtpayCheckoutDirective implements OnChanges, KtpayCheckoutProps {
  // The inputs, typed as the element's properties. Declared on the class (no code), since an AOT
  // app's compiler type-checks only the inputs it finds there.
  declare appId?: Props['appId'];
  declare appKey?: Props['appKey'];
  declare sealUrl?: Props['sealUrl'];
  declare testMode?: Props['testMode'];
  declare apiUrl?: Props['apiUrl'];
  declare widgetUrl?: Props['widgetUrl'];
  declare orderId?: Props['orderId'];
  declare amount?: Props['amount'];
  declare type?: Props['type'];
  declare serviceId?: Props['serviceId'];
  declare contractValue?: Props['contractValue'];
  declare description?: Props['description'];
  declare callbackBackUrl?: Props['callbackBackUrl'];
  declare callbackSuccessUrl?: Props['callbackSuccessUrl'];
  declare callbackFailedUrl?: Props['callbackFailedUrl'];
  declare callbackPostUrl?: Props['callbackPostUrl'];
  declare callbackForceBackUrl?: Props['callbackForceBackUrl'];
  declare callbackForceSuccessUrl?: Props['callbackForceSuccessUrl'];
  declare callbackForceFailedUrl?: Props['callbackForceFailedUrl'];
  declare merchantUserId?: Props['merchantUserId'];
  declare phone?: Props['phone'];
  declare email?: Props['email'];
  declare showCloseButton?: Props['showCloseButton'];
  declare timeout?: Props['timeout'];
  declare mode?: Props['mode'];
  declare returnParams?: Props['returnParams'];
  declare provider?: Props['provider'];
  declare terminal?: Props['terminal'];
  declare authUrl?: Props['authUrl'];
  declare currency?: Props['currency'];
  declare cardSave?: Props['cardSave'];
  declare epayOperation?: Props['epayOperation'];
  declare epayScriptUrl?: Props['epayScriptUrl'];
  declare callbackFailedPostUrl?: Props['callbackFailedPostUrl'];
  declare preload?: Props['preload'];
  declare theme?: Props['theme'];
  declare lang?: Props['lang'];

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
export type KtpayInputsMissing = Never<Exclude<keyof Props, (typeof KTPAY_INPUTS)[number] & keyof KtpayCheckoutDirective>>;

export type { KtpayCheckoutElement, KtpayCheckoutProps, KtpayEventDetail, KtpayEventName };
export type * from './events.js';
export type { ErrorText, Lang } from './i18n/messages.js';
