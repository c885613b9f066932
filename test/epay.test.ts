import { expect } from '@open-wc/testing';
import { bypass, http, HttpResponse } from 'msw';
import { describeError } from '../src/i18n/describe-error.js';
import { modalMessages } from '../src/i18n/load-messages.js';
import {
  payOnEpayForm,
  SANDBOX_EPAY_ATTRIBUTES,
  SANDBOX_EPAY_AUTH_URL,
  SANDBOX_EPAY_SCRIPT_URL,
  SANDBOX_EPAY_SECRET_HASH,
  type EpaySandboxCard,
} from '../src/sandbox/index.js';
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
    const heard: string[] = [];
    const hear = (event: KeyboardEvent) => heard.push(`${event.key} on ${(event.target as Element).localName}`);
    document.addEventListener('keydown', hear, true);
    await press('Escape');
    // Said apart, should it ever fail: the key never reached the page, or the element did not close.
    await waitUntil(() => heard.length > 0, `Escape never reached the page (focus on ${document.activeElement?.localName})`);
    document.removeEventListener('keydown', hear, true);
    expect(heard).to.deep.equal(['Escape on div']);
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

/** Another origin really served: 127.0.0.1 instead of localhost. */
const OTHER_ORIGIN = location.origin.replace('localhost', '127.0.0.1');

/** Serves `source` as a script at `url` (any origin: msw answers the page's requests). */
const script = (url: string, source: string) =>
  http.get(url, () => new HttpResponse(source, { headers: { 'Content-Type': 'text/javascript' } }));

/**
 * The sandbox's stand-in for Halyk's script with its form moved to `formBase`, as in a self-hosted
 * or leftover copy of Halyk's script: served from one origin, its form (Halyk's) on another.
 */
async function movedForm(formBase: string): Promise<string> {
  const source = await (await fetch(bypass(new URL(SANDBOX_EPAY_SCRIPT_URL, location.href)))).text();
  const moved = source.replace(/new URL\((['"])payform\/\1, script \? script\.src : location\.href\)/, `new URL('payform/', ${JSON.stringify(formBase)})`);
  expect(moved !== source, 'the stand-in finds its form beside its own address').to.equal(true);
  return moved;
}

/**
 * A script that defines `window.halyk` as Halyk's does, but whose widget is `overlay` (a function
 * filling Halyk's overlay element): its listener, like Halyk's, believes any message it can parse.
 */
const oddHalyk = (overlay: string) => `(function () {
  window.halyk = {
    pay: function () {},
    p2p: function () {},
    showPaymentWidget: function (payment, callback) {
      var element = document.createElement('div');
      element.className = 'widget-overlay';
      (${overlay})(element);
      document.body.appendChild(element);
      window.addEventListener('message', function onMessage(event) {
        var result;
        try { result = JSON.parse(event.data); } catch (e) { return; }
        window.removeEventListener('message', onMessage);
        element.remove();
        callback({ success: result.success === true });
      });
    },
  };
})();`;

/**
 * Registered before the element's guard (capturing listeners on one target run in the order they
 * were added): `flush()` posts a marker and resolves once it arrives, so every message this window
 * posted before it has been dispatched, and what it caused has run.
 */
function messageFlusher() {
  const MARK = 'test:flushed';
  let arrived: (() => void) | undefined;
  const listener = (event: MessageEvent) => {
    if (event.data !== MARK) return;
    event.stopImmediatePropagation();
    arrived?.();
  };
  window.addEventListener('message', listener, true);
  return {
    flush: () => new Promise<void>((resolve) => ((arrived = resolve), window.postMessage(MARK, '*'))),
    remove: () => window.removeEventListener('message', listener, true),
  };
}

describe("Halyk's message guard stands on the form's own origin", () => {
  let flusher: ReturnType<typeof messageFlusher>;
  let pageHalyk: unknown;
  beforeEach(async () => {
    // Each test loads a script of its own: the page's `window.halyk` (kept by design) is set aside.
    const page = window as { halyk?: unknown };
    pageHalyk = page.halyk;
    delete page.halyk;
    flusher = messageFlusher();
  });
  afterEach(() => {
    flusher.remove();
    Object.assign(window, { halyk: pageHalyk });
    overlays().forEach((overlay) => overlay.remove());
  });

  it("a copy of Halyk's script served from another origin than its form: the guard still holds, at the form's origin", async () => {
    const scriptUrl = `${OTHER_ORIGIN}/shop/js/payment-api.js`;
    await useNetwork({}, script(scriptUrl, await movedForm(`${location.origin}/sandbox/epay/`)));
    const element = await epayCheckout({ amount: '600', 'epay-script-url': scriptUrl });
    const log = recordEvents(element);
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    const form = await epayForm();
    expect(new URL(document.querySelector<HTMLIFrameElement>('.widget-overlay iframe')!.src).origin, "the form is on this page's origin").to.equal(location.origin);

    // This page is on the form's origin, but is not its frame: Halyk's script would believe it.
    window.postMessage(JSON.stringify({ success: true }), '*');
    await flusher.flush();
    expect(log.map(({ type }) => type)).to.deep.equal(['ktpay:open']);
    expect(overlays().length, "Halyk's overlay stays").to.equal(1);

    // The form's own frame is heard, its reason code too.
    await payOnEpayForm(form, { name: 'CODE 484' });
    expect((await failed).detail).to.deep.include({ source: 'acquirer', code: '484' });
  });

  for (const [name, overlay] of [
    ['no frame that can be found (its form in a closed shadow root)', "function (o) { o.attachShadow({ mode: 'closed' }).appendChild(document.createElement('iframe')); }"],
    ['a frame without an address (srcdoc)', "function (o) { o.appendChild(document.createElement('iframe')).srcdoc = '<p>form</p>'; }"],
    ['two frames: which is the form?', "function (o) { o.appendChild(document.createElement('iframe')).src = '/sandbox/epay/payform/'; o.appendChild(document.createElement('iframe')); }"],
  ] as const) {
    it(`Halyk's widget with ${name}: closed at once, a clear failure, its listener hears nothing more`, async () => {
      const scriptUrl = `/shop/js/odd-payment-api-${name.length}.js`;
      await useNetwork({}, script(scriptUrl, oddHalyk(overlay)));
      const element = await epayCheckout({ amount: '700', 'epay-script-url': scriptUrl, lang: 'en' });
      const log = recordEvents(element);
      const failed = nextEvent(element, 'ktpay:failed');
      const result = element.open();
      const { detail } = await failed;
      const { ui } = await modalMessages.load('en');
      expect(detail).to.deep.include({ source: 'network', code: null, message: ui.network['unverified-form'].message, provider: 'epay' });
      expect(overlays().length, "Halyk's overlay taken down").to.equal(0);
      expect(await result).to.include({ outcome: 'failed', source: 'network' });

      // Whatever Halyk's listener believes now, the attempt has ended.
      window.postMessage(JSON.stringify({ success: true }), '*');
      await flusher.flush();
      expect(log.map(({ type }) => type)).to.deep.equal(['ktpay:open', 'ktpay:failed']);
      await waitUntil(() => shadow(element).querySelector('.result.failure'), 'the failure view');
      expect(shadow(element).querySelector('.result.failure')!.textContent).to.contain(ui.network['unverified-form'].message);
      expect(shadow(element).querySelector('[part~="retry"]'), 'no Try again: the same script would do the same').to.equal(null);
      element.close();
    });
  }
});
