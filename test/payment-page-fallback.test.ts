import { expect } from '@open-wc/testing';
import type { KtpayCheckout } from '../src/index.js';
import { loadMessages } from '../src/i18n/load-messages.js';
import {
  checkoutIn,
  frameOf,
  loadInto,
  merchantPage,
  mountCheckout,
  nextEvent,
  openSealed,
  recordEvents,
  sandboxPage,
  sent,
  shadow,
  useNetwork,
  waitUntil,
} from './helpers.js';

// When the payment page never shows in the frame (framing refused, third-party cookies blocked),
// the buyer must not be stuck: after a while without a sign of life the modal offers the page in
// the whole window, and `mode="redirect"` goes there directly. Back from it, the element on the
// merchant's page reports the outcome.

const fallbackLink = (element: KtpayCheckout) => shadow(element).querySelector<HTMLAnchorElement>('[part~="fallback-link"]');
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a payment page that never shows', () => {
  beforeEach(() => useNetwork());

  it('framing refused: after `timeout`, a link opens the same validated page in the whole window', async () => {
    // The test runner serves /test/framing-refused/* with X-Frame-Options: DENY.
    const element = await mountCheckout({ 'widget-url': '/test/framing-refused', timeout: '1' });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    const { paymentUrl } = (await created).detail;
    await element.updateComplete;
    expect(fallbackLink(element), 'not before the wait is over').to.equal(null);
    await waitUntil(() => fallbackLink(element), 'no fallback link', { timeout: 3000 });
    const link = fallbackLink(element)!;
    expect(link.href).to.equal(paymentUrl);
    expect(new URL(link.href).protocol).to.equal('http:'); // what the API answered, parsed as http(s)
    expect(link.target).to.equal('_top');
    const { ui } = await loadMessages('ru');
    expect(link.textContent!.trim()).to.equal(ui.fallback.link);
    expect(shadow(element).querySelector('[part~="fallback"]')!.textContent).to.contain(ui.fallback.prompt);
    // Following it would take this test page away: stop the navigation, keep the evidence.
    let followed = false;
    element.addEventListener('click', (event) => {
      followed = event.composedPath().includes(link);
      event.preventDefault();
    });
    link.click();
    expect(followed).to.equal(true);
    element.close();
  });

  it('a page that signals it is alive (the sandbox) is not second-guessed', async () => {
    const element = await mountCheckout({ timeout: '0.5' });
    void element.open();
    await sandboxPage(element);
    await settle(1000);
    expect(fallbackLink(element)).to.equal(null);
    element.close();
  });

  it("KTPay's published page sends no sign of life, so the offer shows under it after the wait", async () => {
    await useNetwork({ pageProtocol: 'published' });
    const element = await mountCheckout({ timeout: '0.5' });
    void element.open();
    await sandboxPage(element);
    await waitUntil(() => fallbackLink(element), 'no fallback link', { timeout: 3000 });
    expect(frameOf(element), 'the frame stays: the offer is only an offer').to.exist;
    element.close();
  });

  it('the link is in the buyer’s language', async () => {
    const element = await mountCheckout({ 'widget-url': '/test/framing-refused', timeout: '0.3', lang: 'kk' });
    void element.open();
    await waitUntil(() => fallbackLink(element), 'no fallback link', { timeout: 3000 });
    expect(fallbackLink(element)!.textContent!.trim()).to.equal((await loadMessages('kk')).ui.fallback.link);
    element.close();
  });
});

describe('mode="redirect"', () => {
  beforeEach(() => useNetwork());
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('refuses a mode it does not know, naming the attribute', async () => {
    const element = await mountCheckout({ mode: 'popup' });
    const result = await element.open();
    expect(result).to.include({ outcome: 'failed', source: 'validation' });
    expect(result.outcome === 'failed' && Object.keys(result.fields!)).to.deep.equal(['mode']);
    expect(sent).to.have.length(0);
  });

  it('sends the page to the payment page instead of framing it, and picks up the outcome on return', async () => {
    const { frame, element, landedAt } = await merchantPage({ mode: 'redirect' });
    const orderId = element.orderId!;
    const log = recordEvents(element);
    void element.open();
    await waitUntil(() => landedAt().includes('/sandbox/payment-card'), 'did not go to the payment page', { timeout: 5000 });
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    expect(landedAt()).to.equal((log[1]!.detail as { paymentUrl: string }).paymentUrl);

    // KTPay sends the buyer back to the success URL the element put in the order (its own).
    const { order } = (await openSealed(sent[0]!.body)) as { order: { callback_success_url: string } };
    await loadInto(frame, order.callback_success_url);
    const success = new Promise<CustomEvent>((resolve) =>
      frame.contentDocument!.addEventListener('ktpay:success', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const back = await checkoutIn(frame, { 'order-id': orderId, amount: '990', mode: 'redirect' });
    expect((await success).detail).to.deep.equal({ orderId, status: 'success' });
    await back.updateComplete;
    expect(shadow(back).querySelector('.result.success .order')!.textContent).to.equal(orderId);
    expect(landedAt(), 'the marker leaves the address bar').not.to.contain('ktpay-checkout=');

    // A reload reports nothing again: the trip is used up.
    await loadInto(frame, order.callback_success_url);
    const again = await checkoutIn(frame, { 'order-id': orderId, amount: '990' });
    await settle(200);
    expect(shadow(again).querySelector('dialog')).to.equal(null);
  });

  it('a decline comes back with its code', async () => {
    const { frame, element, landedAt } = await merchantPage({ mode: 'redirect' });
    const orderId = element.orderId!;
    void element.open();
    await waitUntil(() => landedAt().includes('/sandbox/payment-card'), 'did not go to the payment page', { timeout: 5000 });
    const { order } = (await openSealed(sent[0]!.body)) as { order: { callback_failed_url: string } };
    const failedUrl = new URL(order.callback_failed_url);
    failedUrl.searchParams.set('code', '51');
    await loadInto(frame, failedUrl.href);
    const failed = new Promise<CustomEvent>((resolve) =>
      frame.contentDocument!.addEventListener('ktpay:failed', (e) => resolve(e as CustomEvent), { once: true }),
    );
    await checkoutIn(frame, { 'order-id': orderId, amount: '990' });
    expect((await failed).detail).to.include({ orderId, source: 'acquirer', code: '51' });
  });

  it('a marked address with another nonce (a forged link) reports nothing; the real return still does', async () => {
    const { frame, element, landedAt } = await merchantPage({ mode: 'redirect' });
    const orderId = element.orderId!;
    void element.open();
    await waitUntil(() => landedAt().includes('/sandbox/payment-card'), 'did not go to the payment page', { timeout: 5000 });
    const { order } = (await openSealed(sent[0]!.body)) as { order: { callback_success_url: string } };
    const forged = new URL(order.callback_success_url);
    forged.searchParams.set('ktpay-checkout', 'success.0123456789abcdef');
    const events: string[] = [];
    const listen = () => frame.contentDocument!.addEventListener('ktpay:success', () => events.push('success'));

    await loadInto(frame, forged.href);
    listen();
    const forgedBack = await checkoutIn(frame, { 'order-id': orderId, amount: '990' });
    await settle(200);
    expect(events).to.deep.equal([]);
    expect(shadow(forgedBack).querySelector('dialog')).to.equal(null);

    await loadInto(frame, order.callback_success_url);
    listen();
    await checkoutIn(frame, { 'order-id': orderId, amount: '990' });
    await waitUntil(() => events.length === 1, 'the real return was not picked up');
  });
});
