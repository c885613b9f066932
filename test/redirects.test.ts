import { expect } from '@open-wc/testing';
import { merchantPage, nextEvent, openSealed, pageShown, payOnSandbox, postFromFrame, recordEvents, sent, useNetwork, waitUntil } from './helpers.js';

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

// One result page for several outcomes: the element tells them apart by the marks it put on the
// URLs it sent, and never takes a report that still fits several outcomes as a success.
describe('a result page shared by several outcomes', () => {
  beforeEach(() => useNetwork());
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('success = failed: sent marked apart; the page sending the failed one is a failure, and Continue goes there', async () => {
    const result = landed('landed.html?shop=1');
    const { element, landedAt } = await merchantPage({ 'callback-success-url': result, 'callback-failed-url': result });
    const log = recordEvents(element);
    const created = nextEvent(element, 'ktpay:created');
    const outcome = element.open();
    await created;
    await pageShown(element);
    const { order } = (await openSealed(sent[0]!.body)) as { order: { callback_success_url: string; callback_failed_url: string } };
    const [success, failed] = [new URL(order.callback_success_url), new URL(order.callback_failed_url)];
    expect(success.href).to.not.equal(failed.href);
    for (const url of [success, failed]) expect(`${url.origin}${url.pathname}${url.search.replace(/&ktpay-checkout=[^&]*/, '')}`).to.equal(result);

    postFromFrame(element, failed.href); // a decline without a code, as the published page sends it
    expect(await outcome).to.include({ outcome: 'failed', source: 'api', code: null });
    expect(log.map((e) => e.type)).to.not.include('ktpay:success');
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitUntil(() => landedAt() === failed.href, 'Continue did not go to the result page');
  });

  it('a report that fits success and failure equally: unknown, and the buyer goes to that page', async () => {
    const { element, landedAt } = await merchantPage({ 'callback-success-url': landed('landed.html?a=1'), 'callback-failed-url': landed('landed.html?b=1') });
    const closed = nextEvent(element, 'ktpay:close');
    const created = nextEvent(element, 'ktpay:created');
    const outcome = element.open();
    const { transactionHash } = (await created).detail;
    await pageShown(element);
    postFromFrame(element, landed('landed.html?a=1&b=1'));
    expect(await outcome).to.deep.equal({ outcome: 'unknown', orderId: element.orderId, transactionHash });
    expect((await closed).detail).to.deep.equal({ reason: 'cancel', paymentStarted: true, transactionHash });
    await waitUntil(() => landedAt() === landed('landed.html?a=1&b=1'), 'the buyer was not sent to the page');
  });
});
