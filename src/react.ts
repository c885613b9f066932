// ktpay-checkout/react: <KtpayCheckout> for React, made with @lit/react. Attributes become props
// (camelCase, set as the element's properties), the ktpay:* events become typed `on…` callbacks,
// and children are the button's label. Registers <ktpay-checkout> on import, like the main entry.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { defineKtpayCheckout } from './define.js';
import { KtpayCheckout as KtpayCheckoutElement } from './element/ktpay-checkout.js';
import type { KtpayCheckoutProps, KtpayEventDetail, KtpayEventHandlers, KtpayEventName } from './framework-bindings.js';

defineKtpayCheckout();

/** React's name for a ktpay:* event's callback, typed with the event's detail. */
const on = <N extends KtpayEventName>(name: N) => `ktpay:${name}` as EventName<CustomEvent<KtpayEventDetail<N>>>;

export const KtpayCheckout = createComponent({
  react: React,
  tagName: 'ktpay-checkout',
  elementClass: KtpayCheckoutElement,
  displayName: 'KtpayCheckout',
  events: {
    onKtpayOpen: on('open'),
    onKtpayCreated: on('created'),
    onKtpaySuccess: on('success'),
    onKtpayFailed: on('failed'),
    onKtpayClose: on('close'),
  },
});

export type { KtpayCheckoutElement };
export type * from './events.js';
export type { ErrorText, Lang } from './i18n/messages.js';

/**
 * `<ktpay-checkout>` itself in React 19's JSX, without the component: React 19 sets the properties
 * and listens to `onktpay:success` as the event `ktpay:success`. Typed wherever this module's types
 * are included (`import type {} from 'ktpay-checkout/react'`).
 */
export type KtpayCheckoutJsxProps = React.HTMLAttributes<KtpayCheckoutElement> &
  React.RefAttributes<KtpayCheckoutElement> &
  KtpayCheckoutProps &
  KtpayEventHandlers<'onktpay:'>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ktpay-checkout': KtpayCheckoutJsxProps;
    }
  }
}
