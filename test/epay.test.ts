import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { describeError } from '../src/i18n/describe-error.js';
import { payOnEpayForm, SANDBOX_EPAY_ATTRIBUTES, SANDBOX_EPAY_AUTH_URL, SANDBOX_EPAY_SECRET_HASH, type EpaySandboxCard } from '../src/sandbox/index.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import { checkoutIn, dialogOf, epayForm, merchantPage, mountCheckout, nextEvent, payButton, recordEvents, shadow, useNetwork, waitUntil } from './helpers.js';
import { press } from './commands.js';

let invoiceCounter = 0;
/** ePay's invoiceId: digits only, 6 to 15; fresh per test. */
const freshInvoiceId = () => `${String(Date.now()).slice(-10)}${String(++invoiceCounter).padStart(2, '0')}`;

const overlays = () => document.querySelectorAll('.widget-overlay');

async function epayCheckout(attributes: Record<string, string | null> = {}): Promise<KtpayCheckout> {
  return mountCheckout({ 'app-id': null, 'app-key': null, 'api-url': null, 'widget-url': null, ...SANDBOX_EPAY_ATTRIBUTES, 'order-id': freshInvoiceId(), ...attributes });
}

describe('Halyk ePay (provider="epay")', () => {
  let authBodies: unknown[];
  let postLinks: Record<string, unknown>[];
  const recording = [
    http.post(SANDBOX_EPAY_AUTH_URL, async ({ request }) => {
      authBodies.push(await request.clone().json());
      // nothing returned: the sandbox's own auth-url answers
    }),
    http.post('/shop/epay-post-link', async ({ request }) => {
      postLinks.push((await request.json()) as Record<string, unknown>);
      return new HttpResponse(null, { status: 200 });
    }),
  ];

  beforeEach(async () => {
    authBodies = [];
    postLinks = [];
    await useNetwork({}, ...recording);
  });
  afterEach(() => overlays().forEach((overlay) => overlay.remove()));

  it("pays in Halyk's widget: one overlay at a time, focus in it, the events name epay", async () => {
    const element = await epayCheckout({ amount: '1500', 'callback-post-url': `${location.origin}/shop/epay-post-link` });
    const log = recordEvents(element);
    payButton(element).focus();
    const result = element.open();
    const form = await epayForm();
    expect(overlays().length, "Halyk's overlay").to.equal(1);
    expect(dialogOf(element)?.open ?? false, 'the modal stepped aside').to.equal(false);
    expect(document.activeElement, 'focus is in the overlay').to.equal(document.querySelector('.widget-overlay iframe'));
    expect(authBodies).to.deep.equal([{ invoiceId: element.orderId, amount: 1500, currency: 'KZT' }]);

    await payOnEpayForm(form);
    const outcome = await result;
    expect(outcome).to.deep.equal({ outcome: 'success', orderId: element.orderId, status: 'success' });
    expect((outcome as { provider?: string }).provider).to.equal('epay');
    await waitUntil(() => dialogOf(element)?.open && shadow(element).querySelector('.result.success'), 'the success view');
    expect(overlays().length).to.equal(0);
    expect(log.map(({ type }) => type)).to.deep.equal(['ktpay:open', 'ktpay:success']);
    expect(log.map(({ detail }) => (detail as { provider: string }).provider)).to.deep.equal(['epay', 'epay']);

    // ePay's postLink reached the merchant's server with the token's secret_hash.
    await waitUntil(() => postLinks.length === 1, 'no postLink');
    expect(postLinks[0]).to.include({ invoiceId: element.orderId, amount: 1500, code: 'ok', reasonCode: 0, secret_hash: SANDBOX_EPAY_SECRET_HASH });

    const closed = nextEvent(element, 'ktpay:close');
    shadow(element).querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    expect((await closed).detail).to.deep.equal({ reason: 'success' });
    await waitUntil(() => shadow(element).activeElement === payButton(element), 'focus back on Pay');
  });

  for (const [lang, code] of [['ru', 484], ['kk', 484], ['en', 473]] as const) {
    it(`a decline shows ePay's reason in the buyer's language (${lang}, ${code})`, async () => {
      const element = await epayCheckout({ amount: '990', lang, 'callback-post-url': `${location.origin}/shop/epay-post-link` });
      const failed = nextEvent(element, 'ktpay:failed');
      void element.open();
      const card: EpaySandboxCard = code === 473 ? { password: 'wrong' } : { name: `CODE ${code}` };
      await payOnEpayForm(await epayForm(), card);
      const { detail } = await failed;
      const words = describeError(code, lang);
      expect(detail).to.deep.include({ orderId: element.orderId, source: 'acquirer', code: String(code), message: words.message });
      expect((detail as { provider?: string }).provider).to.equal('epay');
      if (lang !== 'ru') expect(detail.message).not.to.equal(describeError(code, 'ru').message);
      await waitUntil(() => shadow(element).querySelector('.result.failure'), 'the failure view');
      expect(shadow(element).querySelector('.result.failure')!.textContent).to.contain(words.message);
      await waitUntil(() => postLinks.length === 1, 'no postLink');
      expect(postLinks[0]).to.include({ code: 'error', reasonCode: code, secret_hash: SANDBOX_EPAY_SECRET_HASH });
    });
  }

  it('a message from anyone but the overlay\'s frame never counts, even from the form\'s origin', async () => {
    const element = await epayCheckout({ amount: '500' });
    const log = recordEvents(element);
    void element.open();
    await epayForm();
    // Halyk's script would take this: its origin starts with the form's, and it says success.
    window.postMessage(JSON.stringify({ success: true }), '*');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log.map(({ type }) => type)).to.deep.equal(['ktpay:open']);
    expect(overlays().length).to.equal(1);
    element.close();
  });

  it("Escape on Halyk's overlay: closed as unknown (the buyer may have paid), overlay gone, focus back", async () => {
    const element = await epayCheckout({ amount: '700' });
    payButton(element).focus();
    const result = element.open();
    await epayForm();
    const closed = nextEvent(element, 'ktpay:close');
    (document.querySelector('.widget-overlay') as HTMLElement).tabIndex = -1;
    (document.querySelector('.widget-overlay') as HTMLElement).focus();
    await press('Escape');
    expect((await closed).detail).to.deep.equal({ reason: 'cancel', paymentStarted: true });
    expect(await result).to.deep.equal({ outcome: 'unknown', orderId: element.orderId });
    expect(overlays().length).to.equal(0);
    await waitUntil(() => shadow(element).activeElement === payButton(element), 'focus back on Pay');
  });

  it('ePay parameters are checked before anything is sent, in the buyer\'s language', async () => {
    const element = await epayCheckout({ 'order-id': 'A-1', terminal: null, currency: 'tenge', lang: 'en' });
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    const { detail } = await failed;
    expect(detail.source).to.equal('validation');
    expect(Object.keys(detail.fields!).sort()).to.deep.equal(['currency', 'order-id', 'terminal']);
    expect(detail.fields!['order-id']![0]).to.match(/6 to 15/);
    expect(authBodies).to.deep.equal([]);
    expect(overlays().length).to.equal(0);
  });

  it("the merchant's server refuses the amount (409): a localized auth failure, no Try again", async () => {
    await useNetwork({}, http.post(SANDBOX_EPAY_AUTH_URL, () => HttpResponse.json({ error: 'amount' }, { status: 409 })));
    const element = await epayCheckout({ amount: '1' });
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    const { detail } = await failed;
    expect(detail).to.deep.include({ source: 'auth', code: null, message: 'Сумма на странице не совпадает с суммой заказа в магазине.' });
    await waitUntil(() => shadow(element).querySelector('.result.failure'));
    expect(shadow(element).querySelector('[part~="retry"]')).to.equal(null);
  });

  it("the merchant's server fails (503): Try again asks again and pays", async () => {
    let refusals = 1;
    await useNetwork(
      {},
      http.post(SANDBOX_EPAY_AUTH_URL, () => (refusals-- > 0 ? HttpResponse.json({ error: 'down' }, { status: 503 }) : undefined)),
    );
    const element = await epayCheckout({ amount: '1200' });
    const failed = nextEvent(element, 'ktpay:failed');
    const first = element.open();
    expect((await failed).detail).to.deep.include({ source: 'auth', message: 'Сервер магазина не смог подготовить оплату (HTTP 503).' });
    expect((await first).outcome).to.equal('failed');
    await waitUntil(() => shadow(element).querySelector('[part~="retry"]'), 'Try again');
    const succeeded = nextEvent(element, 'ktpay:success');
    shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await payOnEpayForm(await epayForm());
    expect((await succeeded).detail).to.deep.equal({ orderId: element.orderId, status: 'success' });
  });

  it('mode="redirect": Halyk\'s form in the whole window, then the outcome on the page the buyer returns to', async () => {
    const invoiceId = freshInvoiceId();
    const attributes = { ...SANDBOX_EPAY_ATTRIBUTES, 'order-id': invoiceId, amount: '990' };
    const { frame, element, landedAt } = await merchantPage({ ...attributes, mode: 'redirect' });
    const log = recordEvents(element);
    void element.open();
    await waitUntil(() => landedAt().includes('/sandbox/epay/payform'), "did not go to Halyk's form", { timeout: 8000 });
    expect(log.map(({ type }) => type)).to.deep.equal(['ktpay:open']);
    await waitUntil(() => {
      const card = frame.contentDocument?.getElementById('card');
      return card && !card.hidden && frame.contentDocument!.readyState === 'complete';
    }, "Halyk's form did not show", { timeout: 8000 });
    await payOnEpayForm(frame.contentDocument!);

    // Back on the shop's page (the element's own success URL): the element there says so.
    await waitUntil(() => landedAt().includes('ktpay-checkout=success') && frame.contentDocument?.readyState === 'complete', 'not back', { timeout: 8000 });
    const heard: CustomEvent[] = [];
    frame.contentDocument!.addEventListener('ktpay:success', (event) => heard.push(event as CustomEvent));
    const back = await checkoutIn(frame, attributes);
    await waitUntil(() => heard.length > 0, 'no ktpay:success on return');
    expect(heard.map((event) => event.detail)).to.deep.equal([{ orderId: invoiceId, status: 'success' }]);
    expect((heard[0]!.detail as { provider: string }).provider).to.equal('epay');
    await back.updateComplete;
    expect(shadow(back).querySelector('.result.success')).not.to.equal(null);
    frame.remove();
  });
});
