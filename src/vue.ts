// ktpay-checkout/vue: <KtpayCheckout> for Vue 3. Props are the element's properties (typed, set as
// properties), the ktpay:* events are emits by their short names (`@success`) carrying the detail
// and the event, the default slot is the button's label, and a template ref reaches `open()`,
// `close()` and the element. Registers <ktpay-checkout> on import, like the main entry.
import { defineComponent, h, type PropType, type SlotsType, type VNode } from 'vue';
import { defineKtpayCheckout } from './define.js';
import { KtpayCheckout as KtpayCheckoutElement } from './element/ktpay-checkout.js';
import type { KtpayResult } from './events.js';
import {
  KTPAY_EVENTS,
  propertyNames,
  type KtpayCheckoutProps,
  type KtpayEventDetail,
  type KtpayEventHandlers,
  type KtpayEventName,
} from './framework-bindings.js';

defineKtpayCheckout();

type Props = Required<KtpayCheckoutProps>;

/** Runtime props of no fixed type (the element validates, in the buyer's language), typed for the compiler. */
const props = Object.fromEntries(propertyNames(KtpayCheckoutElement).map((name) => [name, { type: null }])) as unknown as {
  [K in keyof Props]: { type: PropType<Props[K]> };
};

/** `@success="(detail, event) => …"`: the event is there to cancel (`preventDefault()`) the redirect. */
type Emits = { [N in KtpayEventName]: (detail: KtpayEventDetail<N>, event: CustomEvent<KtpayEventDetail<N>>) => true };
const emits = Object.fromEntries(KTPAY_EVENTS.map((name) => [name, () => true])) as unknown as Emits;

export const KtpayCheckout = defineComponent({
  name: 'KtpayCheckout',
  props,
  emits,
  slots: Object as SlotsType<{ default?: () => VNode[] }>,
  expose: ['open', 'close', 'element'],
  computed: {
    /** The element's ktpay:* listeners, each passing the event on as an emit: made once, not per render. */
    listeners(): Record<string, (event: CustomEvent) => void> {
      const emit = this.$emit as (...args: unknown[]) => void;
      return Object.fromEntries(KTPAY_EVENTS.map((name) => [`onKtpay:${name}`, (event: CustomEvent) => emit(name, event.detail, event)]));
    },
    /** The <ktpay-checkout> element itself. */
    element(): KtpayCheckoutElement {
      return this.$el as KtpayCheckoutElement;
    },
  },
  methods: {
    /** The element's `open()`: starts the payment, resolves with its outcome. */
    open(): Promise<KtpayResult> {
      return this.element.open();
    },
    /** The element's `close()`. */
    close(): void {
      this.element.close();
    },
  },
  render() {
    // Unset props stay unset: `lang = undefined` would become the language "undefined".
    const properties = Object.fromEntries(Object.entries(this.$props).filter(([, value]) => value !== undefined));
    return h('ktpay-checkout', { ...properties, ...this.listeners }, this.$slots.default?.());
  },
});

/** For `compilerOptions.isCustomElement`: the tags Vue leaves to the browser. */
export const isKtpayElement = (tag: string): boolean => tag === 'ktpay-checkout';

/** The tag itself in a template: its properties, and its events as `@ktpay:success` hears them. */
export type KtpayCheckoutTagProps = KtpayCheckoutProps & KtpayEventHandlers<'onKtpay:'>;

declare module 'vue' {
  // Volar type-checks the tag in every template of an app that includes these types. Only the tag:
  // Volar reads `<ktpay-checkout>` as `KtpayCheckout` when a component has that name, and would then
  // accept the component's `@success`, which the bare element never fires. `<KtpayCheckout>` is
  // checked where it is imported (docs/frameworks.md says how to declare it when registered globally).
  export interface GlobalComponents {
    'ktpay-checkout': new () => { $props: KtpayCheckoutTagProps };
  }
}

export type { KtpayCheckoutElement, KtpayCheckoutProps, KtpayEventDetail, KtpayEventName };
export type * from './events.js';
export type { ErrorText, Lang } from './i18n/messages.js';
