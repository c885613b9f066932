// ktpay-checkout/vue in Vue 3: props reach the element as properties, the default slot is the
// label, the ktpay:* events arrive as emits carrying their detail (and the event, to cancel the
// redirect), and a template ref opens the payment.
import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, reactive, ref, type App } from 'vue';
import { isKtpayElement, KtpayCheckout, type KtpayCheckoutProps } from '../../src/vue.js';
import type { KtpayCheckout as Element } from '../../src/ktpay-checkout.js';
import { SANDBOX_PROPS, dialogOf, freshOrderId, payButton, payOnSandbox, shadow, useNetwork, waitUntil } from '../helpers.js';

describe('Vue 3: ktpay-checkout/vue', () => {
  let app: App;
  let container: HTMLElement;

  beforeEach(() => useNetwork());
  afterEach(() => {
    app.unmount();
    container.remove();
  });

  /** Mounts <KtpayCheckout> with reactive props and the given label; returns the element and the props. */
  async function mount(initial: KtpayCheckoutProps, label = 'Оплатить', listeners: Record<string, unknown> = {}) {
    const props = reactive({ ...SANDBOX_PROPS, ...initial });
    const checkout = ref<InstanceType<typeof KtpayCheckout>>();
    container = document.body.appendChild(document.createElement('div'));
    app = createApp({ render: () => h(KtpayCheckout, { ...props, ...listeners, ref: checkout }, () => label) });
    app.mount(container);
    const element = container.querySelector('ktpay-checkout')!;
    await element.updateComplete;
    return { element, props, checkout };
  }

  /** Every emit in order, as `name` plus what its detail says. */
  function recorder() {
    const heard: string[] = [];
    const details: unknown[] = [];
    const on = (name: string, say: (detail: Record<string, unknown>) => unknown = () => undefined) =>
      (detail: Record<string, unknown>, event: Event) => {
        expect(event).to.be.instanceOf(CustomEvent);
        expect((event as CustomEvent).detail).to.equal(detail);
        details.push(detail);
        heard.push([name, say(detail)].filter(Boolean).join(' '));
        if (name === 'success') event.preventDefault(); // stay on the test page
      };
    const listeners = {
      onOpen: on('open', (d) => d['orderId']),
      onCreated: on('created', (d) => typeof d['paymentUrl']),
      onSuccess: on('success', (d) => d['status']),
      onFailed: on('failed', (d) => `${String(d['source'])} ${Object.keys((d['fields'] as object) ?? {}).join(',')}`),
      onClose: on('close', (d) => d['reason']),
    };
    return { heard, details, listeners };
  }

  it('registers the element and sets props as properties, keeping their types, and updates them', async () => {
    const orderId = freshOrderId();
    const { element, props } = await mount({ orderId, amount: 1500, timeout: 20, testMode: true, lang: 'kk' });
    expect(element).to.be.instanceOf(customElements.get('ktpay-checkout'));
    expect(element.orderId).to.equal(orderId);
    expect(element.amount).to.equal(1500);
    expect(element.timeout).to.equal(20);
    expect(element.testMode).to.equal(true);
    expect(element.hasAttribute('order-id')).to.equal(false);
    expect(element.hasAttribute('amount')).to.equal(false);
    expect(element.language).to.equal('kk');
    props.amount = '2500.50';
    props.theme = 'dark';
    await nextTick();
    expect(element.amount).to.equal('2500.50');
    expect(element.getAttribute('theme')).to.equal('dark'); // the one reflected property
  });

  it('leaves unset props unset: the element keeps its defaults and the page language', async () => {
    document.documentElement.lang = 'en';
    try {
      const { element } = await mount({});
      expect(element.hasAttribute('lang')).to.equal(false);
      expect(element.language).to.equal('en');
      expect(element.testMode).to.equal(false);
      expect(element.orderId).to.equal(undefined);
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('renders the default slot as the button label', async () => {
    const { element } = await mount({}, 'Оплатить 990 ₸');
    const slot = shadow(element).querySelector('slot')!;
    expect(slot.assignedNodes().map((node) => node.textContent).join('').trim()).to.equal('Оплатить 990 ₸');
    expect(payButton(element).textContent!.trim()).to.not.equal('');
  });

  it('emits open, created, success and close with their details through a sandbox payment', async () => {
    const orderId = freshOrderId();
    const { heard, details, listeners } = recorder();
    const { element } = await mount({ orderId, amount: 990 }, 'Оплатить', listeners);
    payButton(element).click();
    await waitUntil(() => heard.some((e) => e.startsWith('created')), 'no created', { timeout: 15_000 });
    await payOnSandbox(element);
    await waitUntil(() => heard.some((e) => e.startsWith('success')), 'no success', { timeout: 8000 });
    shadow(element).querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitUntil(() => heard.some((e) => e.startsWith('close')), 'no close');
    expect(heard).to.deep.equal([`open ${orderId}`, 'created string', 'success completed', 'close success']);
    expect(details.map((detail) => (detail as { provider: string }).provider)).to.deep.equal(['ktpay', 'ktpay', 'ktpay', 'ktpay']);
  });

  it('emits failed with the validation detail, and the modal says it', async () => {
    const { heard, listeners } = recorder();
    const { element } = await mount({ orderId: freshOrderId(), amount: 'много', lang: 'en' }, 'Pay', listeners);
    payButton(element).click();
    await waitUntil(() => heard.some((e) => e.startsWith('failed')), 'no failed');
    expect(heard.slice(1)).to.deep.equal(['failed validation amount']);
    expect(dialogOf(element)!.open).to.equal(true);
  });

  it('opens the payment through a template ref, and closes it, which resolves open() as cancelled', async () => {
    const { heard, listeners } = recorder();
    const { element, checkout } = await mount({ orderId: freshOrderId(), amount: 990 }, 'Оплатить', listeners);
    expect(checkout.value!.element).to.equal(element);
    const outcome = checkout.value!.open();
    await waitUntil(() => dialogOf(element)?.open === true, 'the modal did not open');
    checkout.value!.close();
    expect(await outcome).to.deep.include({ outcome: 'cancelled' });
    expect(heard[0]).to.match(/^open /);
    expect(heard.at(-1)).to.equal('close cancel');
  });

  it('says which tags are custom for compilerOptions.isCustomElement', () => {
    expect(isKtpayElement('ktpay-checkout')).to.equal(true);
    expect(isKtpayElement('KtpayCheckout')).to.equal(false);
    expect(isKtpayElement('div')).to.equal(false);
  });
});
