import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { SANDBOX_APP_ID, SANDBOX_APP_KEY, SANDBOX_SEAL_ATTRIBUTES, SANDBOX_SEAL_URL } from '../src/sandbox/index.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import {
  checkoutIn,
  freshOrderId,
  loadInto,
  mountCheckout,
  nextEvent,
  openSealed,
  payButton,
  payOnSandbox,
  sealedOnMainThread,
  sent,
  shadow,
  useNetwork,
  waitUntil,
  watchSealingWorkers,
} from './helpers.js';

// seal-url: the merchant's server seals the order (the amount and the callback URL are its own);
// the page names the order, shows its amount and says where the buyer comes back, and sends KTPay
// the seal as it came. Failures of the merchant's server are `auth` failures, as with ePay.

/** What the element asked the merchant's seal-url, as the server received it. */
interface SealAsk {
  contentType: string | null;
  body: unknown;
}

/** Records each request to the seal-url, then lets the next handler answer it (the sandbox's stand-in). */
function recordSealAsks(asks: SealAsk[]) {
  return http.post(SANDBOX_SEAL_URL, async ({ request }) => {
    asks.push({ contentType: request.headers.get('Content-Type'), body: await request.clone().json() });
  });
}

/** An element on the sandbox whose order the merchant's server seals: no `app-key` in the page. */
const serverSealed = (attributes: Record<string, string | null> = {}) => mountCheckout({ 'app-key': null, ...SANDBOX_SEAL_ATTRIBUTES, ...attributes });

/** The order sealed to the sandbox's key, as a merchant's server would seal it. */
async function sealedBy(server: object): Promise<string> {
  const sodium = (await import('libsodium-wrappers')).default;
  await sodium.ready;
  const v = sodium.base64_variants.ORIGINAL;
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(JSON.stringify(server)), sodium.from_base64(SANDBOX_APP_KEY, v)), v);
}

const retryButton = (element: KtpayCheckout) => shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]');

describe("seal-url: the order sealed on the merchant's server", () => {
  it("asks the seal-url with the order id, the page's amount and its own return URLs, as JSON, then sends KTPay that seal, whole", async () => {
    const asks: SealAsk[] = [];
    const orderId = freshOrderId();
    const seal = await sealedBy({ order: { order_id: orderId, amount: 1500, type: 'ecom', description: 'priced by the server' } });
    await useNetwork({}, recordSealAsks(asks), http.post(SANDBOX_SEAL_URL, () => HttpResponse.json({ sealed: seal })));
    const element = await serverSealed({ 'order-id': orderId, amount: '1500', 'callback-back-url': 'https://shop.kz/cart' });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;

    const page = `${location.origin}${location.pathname}`;
    expect(asks).to.have.length(1);
    expect(asks[0]!.contentType).to.equal('application/json');
    const { returnUrls, ...rest } = asks[0]!.body as { returnUrls: Record<string, string> };
    expect(rest).to.deep.equal({ orderId, amount: 1500 });
    expect(Object.keys(returnUrls).sort()).to.deep.equal(['back', 'failed', 'success']);
    expect(returnUrls.back).to.equal('https://shop.kz/cart');
    expect(returnUrls.success).to.match(new RegExp(`^${page}\\?ktpay-checkout=success\\.[0-9a-f]{16}$`));
    expect(returnUrls.failed).to.match(new RegExp(`^${page}\\?ktpay-checkout=failed\\.[0-9a-f]{16}$`));

    expect(sent).to.have.length(1);
    expect(sent[0]!.headers.get('Auth-Identifier')).to.equal(SANDBOX_APP_ID);
    expect(sent[0]!.headers.get('Content-Type')).to.equal('text/plain');
    await waitUntil(() => sent[0]!.body !== '');
    expect(sent[0]!.body).to.equal(seal);
  });

  it("KTPay gets the server's order, not the page's description nor its callback-post-url; the buyer pays", async () => {
    await useNetwork({ seal: { resolveOrder: () => ({ amount: 2500, description: 'Two books (server)' }) } });
    const element = await serverSealed({ amount: '2500', description: 'Free books (page)', 'callback-post-url': 'https://attacker.example/cb' });
    const succeeded = nextEvent(element, 'ktpay:success');
    void element.open();
    await payOnSandbox(element);
    const { detail } = await succeeded;
    expect(detail).to.include({ orderId: element.orderId, status: 'completed' });
    const { order } = (await openSealed(sent[0]!.body)) as { order: Record<string, unknown> };
    expect(order).to.include({ order_id: element.orderId, amount: 2500, description: 'Two books (server)' });
    expect(order).not.to.have.property('callback_post_url');
  });

  for (const [lang, message] of [
    ['ru', 'Сумма на странице не совпадает с суммой заказа в магазине.'],
    ['kk', 'Беттегі сома дүкендегі тапсырыс сомасымен сәйкес келмейді.'],
    ['en', "The amount on the page does not match the shop's order."],
  ] as const) {
    it(`an amount edited in the page (409): ktpay:failed in ${lang}, nothing sent to KTPay, no Try again`, async () => {
      await useNetwork({ seal: { resolveOrder: () => ({ amount: 13500 }) } });
      const element = await serverSealed({ amount: '1', lang });
      const failed = nextEvent(element, 'ktpay:failed');
      const result = element.open();
      expect((await failed).detail).to.deep.include({ source: 'auth', code: null, message });
      expect((await result).outcome).to.equal('failed');
      await waitUntil(() => shadow(element).querySelector('.result.failure'), 'the failure view');
      expect(shadow(element).querySelector('.result.failure')!.textContent).to.include(message);
      expect(retryButton(element)).to.equal(null);
      expect(sent).to.deep.equal([]);
    });
  }

  it('an order the server does not know (404): ktpay:failed, no Try again', async () => {
    await useNetwork({ seal: { resolveOrder: () => undefined } });
    const element = await serverSealed();
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    expect((await failed).detail).to.deep.include({ source: 'auth', code: null, message: 'Магазин не нашёл этот заказ.' });
    await waitUntil(() => shadow(element).querySelector('.result.failure'), 'the failure view');
    expect(retryButton(element)).to.equal(null);
    expect(sent).to.deep.equal([]);
  });

  it("the merchant's server fails (503): Try again asks it again, and the buyer pays", async () => {
    let refusals = 1;
    const asks: SealAsk[] = [];
    await useNetwork(
      {},
      recordSealAsks(asks),
      http.post(SANDBOX_SEAL_URL, () => (refusals-- > 0 ? HttpResponse.json({ error: 'down' }, { status: 503 }) : undefined)),
    );
    const element = await serverSealed();
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    expect((await failed).detail).to.deep.include({ source: 'auth', message: 'Сервер магазина не смог подготовить оплату (HTTP 503).' });
    expect(sent).to.deep.equal([]);
    await waitUntil(() => retryButton(element), 'Try again');
    const succeeded = nextEvent(element, 'ktpay:success');
    retryButton(element)!.click();
    await payOnSandbox(element);
    await succeeded;
    expect(asks.map((ask) => ask.body)).to.deep.equal([asks[0]!.body, asks[0]!.body]);
    expect(sent).to.have.length(1);
  });

  for (const [what, answer] of [
    ['no seal', {}],
    ['a seal that is not base64', { sealed: 'not base64!' }],
  ] as const) {
    it(`an answer with ${what}: ktpay:failed (a bad answer, Try again), nothing sent to KTPay`, async () => {
      await useNetwork({}, http.post(SANDBOX_SEAL_URL, () => HttpResponse.json(answer)));
      const element = await serverSealed();
      const failed = nextEvent(element, 'ktpay:failed');
      void element.open();
      expect((await failed).detail).to.deep.include({ source: 'auth', message: 'Сервер магазина вернул непонятный ответ при подготовке оплаты.' });
      await waitUntil(() => retryButton(element), 'Try again');
      expect(sent).to.deep.equal([]);
    });
  }

  it('needs no app-key; a seal-url that is not an http(s) URL is named, and nothing is sent', async () => {
    const asks: SealAsk[] = [];
    await useNetwork({}, recordSealAsks(asks));
    const element = await serverSealed({ 'seal-url': 'javascript:alert(1)' });
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    const { detail } = await failed;
    expect(detail.source).to.equal('validation');
    expect(Object.keys(detail.fields ?? {})).to.deep.equal(['seal-url']);
    expect({ asks, sent }).to.deep.equal({ asks: [], sent: [] });
  });
});

describe('seal-url: nothing of libsodium in the page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('a merchant page of its own: preloaded on screen, then paid, without the sealing worker or libsodium', async () => {
    const workers = await watchSealingWorkers();
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 600px';
    // seal-url is set before the element upgrades, as markup would have it; the button is on screen (preload="visible").
    await loadInto(frame, `/test/fixtures/preload-page.html?seal-url=${encodeURIComponent(SANDBOX_SEAL_URL)}`);
    const element = await checkoutIn(frame, { ...SANDBOX_SEAL_ATTRIBUTES, 'order-id': freshOrderId(), amount: '990' });
    const modalLoaded = () =>
      frame.contentWindow!.performance.getEntriesByType('resource').some((entry) => /\/element\/modal\/checkout-modal\./.test(entry.name));
    await waitUntil(modalLoaded, 'the modal was not preloaded for a button on screen');
    payButton(element).dispatchEvent(new PointerEvent('pointerenter'));
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect({ workers, mainThread: sealedOnMainThread(frame), sent: sent.length }).to.deep.equal({ workers: [], mainThread: false, sent: 1 });
  });
});
