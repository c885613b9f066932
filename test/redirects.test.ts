import { expect } from '@open-wc/testing';
import { merchantPage, payOnSandbox, useNetwork, waitUntil } from './helpers.js';

const landed = (path = 'landed.html') => `${location.origin}/test/fixtures/${path}`;
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('callback URL redirects', () => {
  beforeEach(() => useNetwork());
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('callback-force-success-url: the whole page goes there at once', async () => {
    const { element, landedAt } = await merchantPage({ 'callback-force-success-url': landed('landed.html?ok=1') });
    void element.open();
    await payOnSandbox(element);
    await waitUntil(() => landedAt().startsWith(landed('landed.html?ok=1')), 'no redirect', { timeout: 5000 });
  });

  it('callback-force-failed-url: a decline goes there at once', async () => {
    const { element, landedAt } = await merchantPage({ 'callback-force-failed-url': landed('landed.html?failed=1') });
    void element.open();
    await payOnSandbox(element, { cvv: '321' });
    await waitUntil(() => landedAt().startsWith(landed('landed.html?failed=1')), 'no redirect', { timeout: 5000 });
  });

  it('a cancelled ktpay:success keeps a single-page app where it is', async () => {
    const { element, landedAt } = await merchantPage({ 'callback-force-success-url': landed() });
    const before = landedAt();
    element.addEventListener('ktpay:success', (event) => event.preventDefault());
    const result = element.open();
    await payOnSandbox(element);
    expect((await result).outcome).to.equal('success');
    await settle();
    expect(landedAt()).to.equal(before);
    expect(element.shadowRoot!.querySelector('.result.success')).not.to.equal(null);
  });

  it('callback-success-url: the result view shows first, Continue goes there', async () => {
    const { element, landedAt } = await merchantPage({ 'callback-success-url': landed('landed.html?continue=1') });
    const before = landedAt();
    const result = element.open();
    await payOnSandbox(element);
    await result;
    await element.updateComplete;
    await settle();
    expect(landedAt()).to.equal(before);
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>('.result.success [part~="continue"]')!;
    expect(button.textContent!.trim()).to.equal('Продолжить');
    button.click();
    await waitUntil(() => landedAt().startsWith(landed('landed.html?continue=1')), 'no redirect', { timeout: 5000 });
  });

  it('Continue falls back to callback-back-url', async () => {
    const first = await merchantPage({ 'callback-back-url': landed('landed.html?back=1') });
    void first.element.open();
    await payOnSandbox(first.element);
    await waitUntil(() => first.element.shadowRoot!.querySelector('.result.success'));
    first.element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitUntil(() => first.landedAt().startsWith(landed('landed.html?back=1')), 'no redirect', { timeout: 5000 });
  });

  it('without any merchant URL, Continue closes the modal', async () => {
    const second = await merchantPage({});
    const closed = new Promise<CustomEvent>((r) => second.element.addEventListener('ktpay:close', r as never, { once: true }));
    void second.element.open();
    await payOnSandbox(second.element);
    await waitUntil(() => second.element.shadowRoot!.querySelector('.result.success'));
    second.element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    expect((await closed).detail).to.deep.equal({ reason: 'success' });
    expect(second.element.shadowRoot!.querySelector('dialog')).to.equal(null);
  });
});
