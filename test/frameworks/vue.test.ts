// <ktpay-checkout> in a Vue 3 component whose template Vue compiles in the browser: the element
// is declared custom (not resolved as a Vue component), bound by attribute and by property, and
// its ktpay:* events (whose names hold a colon) are listened to with v-on's shorthand.
import { expect } from '@open-wc/testing';
import { createApp, nextTick, type App } from 'vue';
import type { KtpayCheckout } from '../../src/ktpay-checkout.js';
import { SANDBOX_ATTRIBUTES } from '../../src/sandbox/index.js';
import { dialogOf, freshOrderId, payButton, payOnSandbox, shadow, useNetwork, waitUntil } from '../helpers.js';

const TEMPLATE = `
  <ktpay-checkout
    :app-id="sandbox['app-id']" :app-key="sandbox['app-key']"
    :api-url="sandbox['api-url']" :widget-url="sandbox['widget-url']"
    :amount.attr="amount" .orderId="orderId" :description="description" :lang="lang"
    @ktpay:open="heard('open', $event)"
    @ktpay:created="heard('created', $event)"
    @ktpay:success="onSuccess"
    @ktpay:failed="heard('failed', $event.detail.source)"
    @ktpay:close="heard('close', $event.detail.reason)"
  >{{ label }}</ktpay-checkout>`;

interface Shop {
  amount: string | number;
  orderId: string;
  description: string;
  lang: string;
  label: string;
  events: string[];
}

describe('Vue 3: <ktpay-checkout> in a compiled template', () => {
  let app: App;
  let container: HTMLElement;
  let shop: Shop;

  async function mount(data: Partial<Shop> = {}): Promise<KtpayCheckout> {
    container = document.body.appendChild(document.createElement('div'));
    app = createApp({
      data: (): Shop => ({ amount: '990', orderId: freshOrderId(), description: 'Книги', lang: 'ru', label: 'Оплатить 990 ₸', events: [], ...data }),
      computed: { sandbox: () => SANDBOX_ATTRIBUTES },
      methods: {
        heard(this: Shop, type: string, what: unknown) {
          this.events.push(what instanceof CustomEvent ? type : `${type} ${String(what)}`);
        },
        onSuccess(this: Shop, event: CustomEvent<{ status: string }>) {
          this.events.push(`success ${event.detail.status}`);
          event.preventDefault(); // stay on the test page
        },
      },
      template: TEMPLATE,
    });
    // Tags Vue leaves to the browser; without it Vue warns and looks for a component first.
    app.config.compilerOptions.isCustomElement = (tag) => tag === 'ktpay-checkout';
    const vm = app.mount(container);
    shop = vm.$data as Shop;
    const element = container.querySelector('ktpay-checkout')!;
    await element.updateComplete;
    return element;
  }

  beforeEach(() => useNetwork());
  afterEach(() => {
    app.unmount();
    container.remove();
  });

  // Vue sets a property when the element has one by the bound name (:description), else an
  // attribute (:app-id); .attr and . force either.
  it('binds by property or attribute as Vue decides or is told, and updates reactively', async () => {
    const element = await mount({ amount: '1500' });
    expect(element.getAttribute('amount')).to.equal('1500');
    expect(element.getAttribute('app-id')).to.equal(SANDBOX_ATTRIBUTES['app-id']);
    expect(element.orderId).to.equal(shop.orderId);
    expect(element.hasAttribute('order-id')).to.equal(false);
    expect(element.description).to.equal('Книги');
    expect(element.hasAttribute('description')).to.equal(false);
    shop.amount = '2500.50';
    shop.orderId = 'V-2';
    await nextTick();
    expect(element.getAttribute('amount')).to.equal('2500.50');
    expect(element.amount).to.equal('2500.50');
    expect(element.orderId).to.equal('V-2');
  });

  it('renders the slotted label, and the language from :lang', async () => {
    const element = await mount({ lang: 'kk', label: '' });
    await waitUntil(() => payButton(element).textContent!.trim() === 'Төлеу', 'no Kazakh label');
    shop.label = 'Төлеу 990 ₸';
    await nextTick();
    const slot = shadow(element).querySelector('slot')!;
    expect(slot.assignedNodes().map((node) => node.textContent).join('').trim()).to.equal('Төлеу 990 ₸');
  });

  it('hears ktpay:open, created, success and close through @ktpay:… listeners', async () => {
    const element = await mount();
    payButton(element).click();
    await waitUntil(() => shop.events.includes('created'), 'no ktpay:created', { timeout: 15_000 }); // this page's first Pay: its sealing worker starts then
    await payOnSandbox(element);
    await waitUntil(() => shop.events.some((e) => e.startsWith('success')), 'no ktpay:success', { timeout: 8000 });
    shadow(element).querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitUntil(() => shop.events.some((e) => e.startsWith('close')), 'no ktpay:close');
    expect(shop.events).to.deep.equal(['open', 'created', 'success completed', 'close success']);
  });

  it('hears ktpay:failed with its detail', async () => {
    const element = await mount({ amount: 'много' });
    payButton(element).click();
    await waitUntil(() => shop.events.some((e) => e.startsWith('failed')), 'no ktpay:failed');
    expect(shop.events).to.deep.equal(['open', 'failed validation']);
    expect(dialogOf(element)!.open).to.equal(true);
  });
});
