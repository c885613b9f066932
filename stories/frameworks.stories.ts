// The element as each framework's package draws it, live on the sandbox: React's component, Vue's
// component, Angular's directive (compiled just in time here; an app compiles it ahead of time).
// The docs pages (stories/docs/) show each beside its guide.
import '@angular/compiler'; // JIT: Storybook compiles no Angular ahead of time
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, type ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp, h } from 'vue';
import { KtpayCheckoutDirective } from '../src/angular.js';
import { KtpayCheckout as ReactCheckout } from '../src/react.js';
import { KtpayCheckout as VueCheckout } from '../src/vue.js';
import { checkoutMeta, freshOrderId } from './checkout.js';
import { checkoutIn, waitFor } from './play.js';

/** The sandbox's settings as the frameworks' props (camelCase properties). */
function propsOf(args: Args) {
  return {
    appId: String(args['app-id']),
    appKey: String(args['app-key']),
    apiUrl: String(args['api-url']),
    widgetUrl: String(args['widget-url']),
    orderId: freshOrderId(),
    amount: Number(args['amount']),
    description: String(args['description']),
    lang: String(args['lang']),
  };
}

let angularApps = 0;

/** A canvas that takes the framework's app down when Storybook (or a test) removes it. */
function mountPoint(unmount: (node: HTMLElement) => void): HTMLElement {
  const node = document.createElement('div');
  node.className = 'framework-app';
  new MutationObserver((_records, observer) => {
    if (node.isConnected) return;
    observer.disconnect();
    unmount(node);
  }).observe(document.body, { childList: true, subtree: true });
  return node;
}

const meta = {
  ...checkoutMeta,
  title: 'ktpay-checkout/Frameworks',
  args: { ...checkoutMeta.args, amount: '2500' },
  // The framework draws the element when it has started (Angular compiles its template first).
  play: async ({ canvasElement }) => {
    await waitFor(() => checkoutIn(canvasElement), 'the element', 20_000);
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** `ktpay-checkout/react`: `<KtpayCheckout orderId={…} onKtpaySuccess={…}>`. */
export const React: Story = {
  render: (args) => {
    let root: ReturnType<typeof createRoot> | undefined;
    const node = mountPoint(() => root?.unmount());
    root = createRoot(node);
    root.render(createElement(ReactCheckout, propsOf(args), `Оплатить ${String(args['amount'])} ₸ (React)`));
    return node;
  },
};

/** `ktpay-checkout/vue`: `<KtpayCheckout :order-id="…" @success="…">`. */
export const Vue: Story = {
  render: (args) => {
    const app = createApp({ render: () => h(VueCheckout, propsOf(args), () => `Оплатить ${String(args['amount'])} ₸ (Vue)`) });
    const node = mountPoint(() => app.unmount());
    app.mount(node);
    return node;
  },
};

/** `ktpay-checkout/angular`: `<ktpay-checkout [orderId]="…" (ktpaySuccess)="…">`. */
export const Angular: Story = {
  render: (args) => {
    let app: ApplicationRef | undefined;
    const node = mountPoint(() => app?.destroy());
    // Angular bootstraps into the first element its selector finds: one of its own per render.
    const selector = `story-angular-shop-${++angularApps}`;
    const host = node.appendChild(document.createElement(selector));
    const Shop = Component({
      selector,
      imports: [KtpayCheckoutDirective],
      schemas: [CUSTOM_ELEMENTS_SCHEMA],
      template: `<ktpay-checkout [appId]="p.appId" [appKey]="p.appKey" [apiUrl]="p.apiUrl" [widgetUrl]="p.widgetUrl"
        [orderId]="p.orderId" [amount]="p.amount" [description]="p.description" [lang]="p.lang"
        >Оплатить {{ p.amount }} ₸ (Angular)</ktpay-checkout>`,
    })(
      class {
        readonly p = propsOf(args);
      },
    );
    // Once the canvas is on the page: Angular bootstraps into an element it finds there.
    queueMicrotask(() => {
      if (!host.isConnected) return;
      void bootstrapApplication(Shop, { providers: [provideZonelessChangeDetection()] }).then((ref) => (app = ref));
    });
    return node;
  },
};
