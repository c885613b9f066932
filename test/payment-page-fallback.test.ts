import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { KtpayCheckout } from '../src/index.js';
import { payOnSandboxPage, SANDBOX_API_URL, SANDBOX_APP_ID } from '../src/sandbox/index.js';
import { modalMessages } from '../src/i18n/load-messages.js';
import {
  checkoutIn,
  frameOf,
  loadInto,
  MERCHANT_PAGE_PRELOAD,
  merchantPage,
  mountCheckout,
  nextCreated,
  openSealed,
  postFromFrame,
  recordEvents,
  sandboxPage,
  sent,
  shadow,
  useNetwork,
  waitUntil,
  warmedUp,
} from './helpers.js';

// When the payment page never shows in the frame (framing refused, third-party cookies blocked),
// the buyer must not be stuck: after a while without a sign of life the modal offers the page in
// the whole window, and `mode="redirect"` goes there directly. Back from it, the element on the
// merchant's page reports the outcome.

const fallbackLink = (element: KtpayCheckout) => shadow(element).querySelector<HTMLAnchorElement>('[part~="fallback-link"]');
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a payment page that never shows', () => {
  beforeEach(() => useNetwork());

  it("framing refused: after `timeout`, a link offers the acquirer's own page in the whole window", async () => {
    const lookups: Request[] = [];
    await useNetwork({}, http.get(`*${SANDBOX_API_URL}/:hash/acquirer-options`, ({ request }) => void lookups.push(request.clone())));
    // The test runner serves /test/framing-refused/* with X-Frame-Options: DENY.
    const element = await warmedUp(await mountCheckout({ 'widget-url': '/test/framing-refused', timeout: '2' }));
    const created = nextCreated(element);
    void element.open();
    const { transactionHash } = (await created).detail;
    await element.updateComplete;
    expect(fallbackLink(element), 'not before the wait is over').to.equal(null);
    await waitUntil(() => fallbackLink(element), 'no fallback link');
    // KTPay was asked, for this transaction, as the element's application.
    expect(lookups.map((r) => new URL(r.url).pathname)).to.deep.equal([`${SANDBOX_API_URL}/${transactionHash}/acquirer-options`]);
    expect(lookups[0]!.headers.get('Auth-Identifier')).to.equal(SANDBOX_APP_ID);
    const link = fallbackLink(element)!;
    const offered = new URL(link.href);
    expect(`${offered.origin}${offered.pathname}`).to.equal(new URL('/sandbox/payment-card', location.href).href);
    expect(Object.fromEntries(offered.searchParams)).to.deep.equal({ hash: transactionHash, acquirer: 'halyk' });
    expect(link.target).to.equal('_top');
    const { ui } = await modalMessages.load('ru');
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

  // KTPay gives no acquirer page, or one off the allowed origins (only Halyk ePay's payment form
  // hosts or KTPay's own widget origin): the offer is KTPay's own page, as it was created.
  const acquirerAnswer = (page: string) => () => HttpResponse.json({ error: [], response: { success: true, data: { payment_page: page } } });
  const otherOrigin = location.origin.replace('localhost', '127.0.0.1');
  const offOrigins = [
    'https://evil.example/payform/?params=x',
    'https://epay.homebank.kz.evil.example/payform/?params=x', // look-alikes of Halyk's hosts
    'https://evil-epay.homebank.kz/payform/?params=x',
    'https://homebank.kz/payform/?params=x',
    'http://epay.homebank.kz/payform/?params=x', // Halyk's host, not https
    'https://epay.homebank.kz:8443/payform/?params=x',
    'https://widget.nplus.tech/payment-card?hash=x', // KTPay's, but not this element's widget origin
    `${otherOrigin}/sandbox/payment-card?acquirer=halyk`, // another origin really served
  ];
  // Each case is an element of its own. Their payments are created one after another (fifteen
  // creates at once ran past a `timeout` of 2 s in WebKit on a loaded machine, and so did one of
  // thirteen in a row: the `timeout` bounds each create as well as the silence, so it is 4 s here),
  // then every case waits out its page's silence alongside the others: together they take about the
  // time of one (merged from one test per case: 13 and 2 tests).
  /** Opens one element per answer; gives each one's payment page and the page it offers. */
  async function offersFor(answers: readonly (readonly [string, () => Response])[]) {
    const byHash = new Map<string, () => Response>();
    await useNetwork({}, http.get(`*${SANDBOX_API_URL}/:hash/acquirer-options`, ({ params }) => byHash.get(String(params.hash))?.()));
    const opened: { element: KtpayCheckout; name: string; paymentUrl: string }[] = [];
    for (const [name, answer] of answers) {
      const element = await warmedUp(await mountCheckout({ 'widget-url': '/test/framing-refused', timeout: '4' }));
      const created = nextCreated(element);
      void element.open();
      const { transactionHash, paymentUrl } = (await created).detail;
      byHash.set(transactionHash!, answer); // a KTPay payment has one
      opened.push({ element, name, paymentUrl });
    }
    const offers = await Promise.all(
      opened.map(async ({ element, name, paymentUrl }) => {
        await waitUntil(() => fallbackLink(element), `${name}: no fallback link`);
        return { name, paymentUrl, offered: fallbackLink(element)!.href };
      }),
    );
    opened.forEach(({ element }) => element.close());
    return offers;
  }

  it("an acquirer page KTPay does not give, or gives off the allowed origins: the link offers KTPay's page instead", async () => {
    const offers = await offersFor([
      ['the lookup fails', () => HttpResponse.error()],
      ['KTPay answers 500', () => new HttpResponse(null, { status: 500 })],
      ['KTPay answers its error envelope', () => HttpResponse.json({ success: false, error: { code: 5000001 } })],
      ['the answer names no page', () => HttpResponse.json({ error: [], response: { success: true, data: {} } })],
      ['the page is not http(s)', acquirerAnswer('javascript:alert(1)')],
      ...offOrigins.map((page) => [`an acquirer page off the allowed origins (${page})`, acquirerAnswer(page)] as const),
    ]);
    for (const { name, paymentUrl, offered } of offers) expect(offered, name).to.equal(paymentUrl);
  });

  it("Halyk ePay's payment form, on either of its hosts, is offered as KTPay names it", async () => {
    const pages = ['https://epay.homebank.kz/payform/?params=x', 'https://test-epay.homebank.kz/payform/?params=x'];
    const offers = await offersFor(pages.map((page) => [new URL(page).host, acquirerAnswer(page)] as const));
    expect(offers.map(({ offered }) => offered)).to.deep.equal(pages);
  });

  it('a sign of life while KTPay is being asked: no offer at all', async () => {
    let asked = false;
    let answer: (() => void) | undefined;
    await useNetwork(
      { pageProtocol: 'published' },
      http.get(`*${SANDBOX_API_URL}/:hash/acquirer-options`, () => {
        asked = true;
        return new Promise<undefined>((resolve) => (answer = () => resolve(undefined)));
      }),
    );
    const element = await warmedUp(await mountCheckout({ timeout: '2' }));
    void element.open();
    await sandboxPage(element);
    await waitUntil(() => asked, 'KTPay was never asked for the acquirer page');
    postFromFrame(element, { type: 'ktpay:ready' });
    await settle(50);
    answer!();
    await settle(2200); // past the lookup's own deadline (the timeout) as well
    expect(fallbackLink(element)).to.equal(null);
    element.close();
  });

  it('a page that signals it is alive (the sandbox) is not second-guessed', async () => {
    const element = await warmedUp(await mountCheckout({ timeout: '2' }));
    void element.open();
    await sandboxPage(element);
    await settle(2200); // past the timeout: a silence timer left running would offer by now
    expect(fallbackLink(element)).to.equal(null);
    element.close();
  });

  it("KTPay's published page sends no sign of life, so the offer shows under it after the wait", async () => {
    await useNetwork({ pageProtocol: 'published' });
    const element = await warmedUp(await mountCheckout({ timeout: '2' }));
    void element.open();
    await sandboxPage(element);
    await waitUntil(() => fallbackLink(element), 'no fallback link');
    expect(frameOf(element), 'the frame stays: the offer is only an offer').to.exist;
    element.close();
  });

  it('the link is in the buyer’s language', async () => {
    const element = await warmedUp(await mountCheckout({ 'widget-url': '/test/framing-refused', timeout: '2', lang: 'kk' }));
    void element.open();
    await waitUntil(() => fallbackLink(element), 'no fallback link');
    expect(fallbackLink(element)!.textContent!.trim()).to.equal((await modalMessages.load('kk')).ui.fallback.link);
    element.close();
  });
});

/**
 * A merchant page (in an iframe) with mode="redirect", paid until it left for the payment page;
 * with the callback URLs the element put in the order, where KTPay will send the buyer back.
 */
async function leftForPaymentPage() {
  const { frame, element, landedAt } = await merchantPage({ mode: 'redirect' });
  const orderId = element.orderId!;
  const log = recordEvents(element);
  void element.open();
  // A fresh page: its sealing worker starts libsodium first (seconds in WebKit on a loaded machine).
  await waitUntil(() => landedAt().includes('/sandbox/payment-card'), 'did not go to the payment page', { timeout: 15_000 });
  const { order } = (await openSealed(sent[0]!.body)) as { order: { callback_success_url: string; callback_failed_url: string } };
  /** The element on the page the buyer comes back to, at `url`, with a listener for `type` first. */
  const returnTo = async (url: string, type: 'ktpay:success' | 'ktpay:failed' = 'ktpay:success') => {
    await loadInto(frame, url);
    const heard: CustomEvent[] = [];
    frame.contentDocument!.addEventListener(type, (e) => heard.push(e as CustomEvent));
    const back = await checkoutIn(frame, { 'order-id': orderId, amount: '990', ...MERCHANT_PAGE_PRELOAD });
    return { back, heard };
  };
  return { orderId, log, landedAt, order, returnTo };
}

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

  describe('back from the payment page', () => {
    // Leaving is the test's setup, with its own time: a fresh merchant page starts libsodium in
    // its worker first, which alone may take most of a test's time in WebKit on a loaded machine
    // (its wait allows 15 s), and each test then loads the page the buyer comes back to, twice.
    let trip: Awaited<ReturnType<typeof leftForPaymentPage>>;
    beforeEach(async () => {
      trip = await leftForPaymentPage();
    });

    it('sends the page to the payment page instead of framing it, and picks up the outcome on return', async () => {
      const { orderId, log, landedAt, order, returnTo } = trip;
      expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
      expect(landedAt()).to.equal((log[1]!.detail as { paymentUrl: string }).paymentUrl);

      // KTPay sends the buyer back to the success URL the element put in the order (its own).
      const { back, heard } = await returnTo(order.callback_success_url);
      await waitUntil(() => heard.length > 0, 'no ktpay:success on return');
      expect(heard.map((e) => e.detail)).to.deep.equal([{ orderId, status: 'success' }]);
      await back.updateComplete;
      expect(shadow(back).querySelector('.result.success .order')!.textContent).to.equal(orderId);
      expect(landedAt(), 'the marker leaves the address bar').not.to.contain('ktpay-checkout=');

      // A reload reports nothing again: the trip is used up.
      const again = await returnTo(order.callback_success_url);
      await settle(200);
      expect(again.heard).to.deep.equal([]);
      expect(shadow(again.back).querySelector('dialog')).to.equal(null);
    });

    it('a decline comes back with its code', async () => {
      const { orderId, order, returnTo } = trip;
      const failedUrl = new URL(order.callback_failed_url);
      failedUrl.searchParams.set('code', '51');
      const { heard } = await returnTo(failedUrl.href, 'ktpay:failed');
      await waitUntil(() => heard.length > 0, 'no ktpay:failed on return');
      expect(heard[0]!.detail).to.include({ orderId, source: 'acquirer', code: '51' });
    });

    it('a marked address with another nonce (a forged link) reports nothing; the real return still does', async () => {
      const { order, returnTo } = trip;
      const forged = new URL(order.callback_success_url);
      forged.searchParams.set('ktpay-checkout', 'success.0123456789abcdef');
      const forgedBack = await returnTo(forged.href);
      await settle(200);
      expect(forgedBack.heard).to.deep.equal([]);
      expect(shadow(forgedBack.back).querySelector('dialog')).to.equal(null);

      const real = await returnTo(order.callback_success_url);
      await waitUntil(() => real.heard.length === 1, 'the real return was not picked up');
    });
  });
});

describe("the acquirer's own page, in the whole window", () => {
  beforeEach(() => useNetwork({ pageProtocol: 'published' }));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('the buyer follows the offer, pays on the acquirer page, and is back on the shop with the outcome', async () => {
    // `timeout` bounds the silence and the acquirer lookup alike: half a second was too short for
    // the lookup in WebKit while another engine loaded the machine, and KTPay's page was offered.
    const { frame, element: framed } = await merchantPage({ timeout: '2' });
    const element = await warmedUp(framed);
    const orderId = element.orderId!;
    const created = nextCreated(element);
    void element.open();
    await created;
    await waitUntil(() => fallbackLink(element), 'no offer of the whole window', { timeout: 10_000 });
    const link = fallbackLink(element)!;
    // The link's own click handler runs (it remembers the trip); its navigation (target=_top) would
    // take the test page away, so the merchant's frame is sent there instead.
    frame.contentDocument!.addEventListener('click', (event) => event.preventDefault(), { once: true });
    link.click();
    await loadInto(frame, link.href);
    await waitUntil(() => frame.contentDocument?.getElementById('badge')?.textContent?.includes('Halyk ePay'), "not the acquirer's page");
    const page = frame.contentDocument!;
    await waitUntil(() => !page.getElementById('card')!.hidden, 'the card form did not show');

    // Paid there, the buyer is sent back to the shop's (here the element's own) success URL.
    const back = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    payOnSandboxPage(page);
    await back;
    const heard: CustomEvent[] = [];
    frame.contentDocument!.addEventListener('ktpay:success', (event) => heard.push(event as CustomEvent));
    await checkoutIn(frame, { 'order-id': orderId, amount: '990', ...MERCHANT_PAGE_PRELOAD });
    await waitUntil(() => heard.length > 0, 'no ktpay:success on return');
    expect(heard[0]!.detail).to.include({ orderId, status: 'success' });
  });
});
