// ktpay-checkout/react in React 19, rendered by react-dom in the browser: props reach the element
// as properties, children are the label, and the ktpay:* events call the on… props.
import { expect } from '@open-wc/testing';
import { createElement as h, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { KtpayCheckout, type KtpayCheckoutJsxProps } from '../../src/react.js';
import type { KtpayCheckout as Element, KtpaySuccessDetail } from '../../src/ktpay-checkout.js';
import { payOnEpayForm, SANDBOX_EPAY_AUTH_URL, SANDBOX_EPAY_SCRIPT_URL, SANDBOX_EPAY_TERMINAL } from '../../src/sandbox/index.js';
import { SANDBOX_PROPS, dialogOf, epayForm, freshOrderId, payButton, payOnSandbox, shadow, useNetwork, waitUntil } from '../helpers.js';

type Props = ComponentProps<typeof KtpayCheckout>;

describe('React: ktpay-checkout/react', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(async () => {
    await useNetwork();
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  /** Renders synchronously (as React does on an event) and returns the element React made. */
  async function render(props: Props, label?: string): Promise<Element> {
    flushSync(() => root.render(h(KtpayCheckout, props, label)));
    const element = container.querySelector('ktpay-checkout')!;
    await element.updateComplete;
    return element;
  }

  it('sets props as properties, not attributes, and keeps their types', async () => {
    const orderId = freshOrderId();
    const element = await render({ ...SANDBOX_PROPS, orderId, amount: 1500, timeout: 20 });
    expect(element).to.be.instanceOf(customElements.get('ktpay-checkout'));
    expect(element.orderId).to.equal(orderId);
    expect(element.amount).to.equal(1500);
    expect(element.hasAttribute('order-id')).to.equal(false);
    expect(element.hasAttribute('amount')).to.equal(false);
  });

  it('shows children as the button label, and the localized default without them', async () => {
    let element = await render({ ...SANDBOX_PROPS }, 'Оплатить 1 500 ₸');
    const slot = shadow(element).querySelector('slot')!;
    expect(slot.assignedNodes().map((node) => node.textContent).join('')).to.equal('Оплатить 1 500 ₸');
    element = await render({ ...SANDBOX_PROPS, lang: 'en' });
    expect(payButton(element).textContent!.trim()).to.equal('Pay');
  });

  it('themes through the theme prop, which the styles see as an attribute', async () => {
    const element = await render({ ...SANDBOX_PROPS, theme: 'dark' });
    expect(element.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(element).getPropertyValue('--ktpay-background').trim()).to.equal('#1e2227');
  });

  it('calls onKtpayOpen, onKtpayCreated, onKtpaySuccess and onKtpayClose with typed details', async () => {
    const calls: string[] = [];
    const orderId = freshOrderId();
    let success: CustomEvent<KtpaySuccessDetail> | undefined;
    const element = await render({
      ...SANDBOX_PROPS,
      orderId,
      amount: '990',
      onKtpayOpen: (event) => calls.push(`open ${event.detail.orderId}`),
      onKtpayCreated: (event) => calls.push(`created ${new URL(event.detail.paymentUrl, location.href).pathname}`),
      onKtpaySuccess: (event) => {
        success = event;
        calls.push(`success ${event.detail.status}`);
        event.preventDefault(); // stay on the test page
      },
      onKtpayFailed: (event) => calls.push(`failed ${event.detail.source}`),
      onKtpayClose: (event) => calls.push(`close ${event.detail.reason}`),
    });
    payButton(element).click();
    await waitUntil(() => calls.some((call) => call.startsWith('created')), 'no ktpay:created', { timeout: 15_000 }); // this page's first Pay: its sealing worker starts then
    await payOnSandbox(element);
    await waitUntil(() => success !== undefined, 'no ktpay:success', { timeout: 8000 });
    expect(success!.detail).to.include({ orderId, status: 'completed' });
    shadow(element).querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitUntil(() => calls.some((call) => call.startsWith('close')), 'no ktpay:close');
    expect(calls).to.deep.equal([`open ${orderId}`, 'created /sandbox/payment-card', 'success completed', 'close success']);
  });

  it('calls onKtpayFailed for bad props, and the callback of the latest render', async () => {
    const stale: string[] = [];
    const fresh: string[] = [];
    await render({ ...SANDBOX_PROPS, orderId: freshOrderId(), amount: -1, onKtpayFailed: (event) => stale.push(event.detail.source) });
    const element = await render({
      ...SANDBOX_PROPS,
      orderId: freshOrderId(),
      amount: -1,
      onKtpayFailed: (event) => fresh.push(`${event.detail.source}: ${Object.keys(event.detail.fields ?? {}).join()}`),
    });
    payButton(element).click();
    await waitUntil(() => fresh.length > 0, 'no ktpay:failed');
    expect(fresh).to.deep.equal(['validation: amount']);
    expect(stale).to.deep.equal([]);
    expect(dialogOf(element)!.open).to.equal(true);
  });

  it('unmounting removes the element and its open modal; no callback fires after', async () => {
    const calls: string[] = [];
    const element = await render({ ...SANDBOX_PROPS, orderId: freshOrderId(), amount: 990, onKtpayClose: () => calls.push('close') });
    payButton(element).click();
    await waitUntil(() => dialogOf(element)?.open, 'the modal did not open');
    flushSync(() => root.render(null));
    expect(element.isConnected).to.equal(false);
    expect(document.querySelector('dialog[open]')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).to.deep.equal([]);
  });

  it('pays through Halyk ePay with provider="epay": the same callbacks, the detail names the provider', async () => {
    const heard: { type: string; provider: string }[] = [];
    const element = await render({
      provider: 'epay',
      terminal: SANDBOX_EPAY_TERMINAL,
      authUrl: SANDBOX_EPAY_AUTH_URL,
      epayScriptUrl: SANDBOX_EPAY_SCRIPT_URL,
      orderId: String(Date.now()).slice(-12),
      amount: 990,
      onKtpayOpen: (event) => heard.push({ type: 'open', provider: event.detail.provider }),
      onKtpaySuccess: (event) => heard.push({ type: 'success', provider: event.detail.provider }),
    });
    payButton(element).click();
    await payOnEpayForm(await epayForm());
    await waitUntil(() => heard.length === 2, 'no onKtpaySuccess');
    expect(heard).to.deep.equal([{ type: 'open', provider: 'epay' }, { type: 'success', provider: 'epay' }]);
    element.close();
  });

  // The tag itself, typed by `import type {} from 'ktpay-checkout/react'` (test/typecheck/react/).
  it('React 19 without the component: the bare tag gets properties, and onktpay:* props are listeners', async () => {
    const heard: string[] = [];
    const orderId = freshOrderId();
    const props: KtpayCheckoutJsxProps = {
      ...SANDBOX_PROPS,
      orderId,
      amount: 'много',
      'onktpay:open': (event) => heard.push(`open ${event.detail.orderId}`),
      'onktpay:failed': (event) => heard.push(`failed ${event.detail.source} ${Object.keys(event.detail.fields ?? {}).join()}`),
    };
    flushSync(() => root.render(h('ktpay-checkout', props)));
    const element = container.querySelector('ktpay-checkout')!;
    await element.updateComplete;
    expect(element.orderId).to.equal(orderId);
    expect(element.hasAttribute('order-id')).to.equal(false);
    payButton(element).click();
    await waitUntil(() => heard.length === 2, 'no ktpay:failed');
    expect(heard).to.deep.equal([`open ${orderId}`, 'failed validation amount']);
  });
});
