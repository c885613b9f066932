import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { KtpayCheckout } from '../src/index.js';
import { SANDBOX_API_URL } from '../src/sandbox/index.js';
import { dialogOf, frameOf, mountCheckout, nextEvent, openSealed, payingElement, payOnSandbox, postFromFrame, sandboxPage, sandboxReceiptUrl, sent, useNetwork, waitUntil } from './helpers.js';

const success = (orderId: string) => ({ type: 'ktpay:result', status: 'completed', order_id: orderId, transaction_hash: 'f'.repeat(40), error: null });
const settle = () => new Promise((r) => setTimeout(r, 150));


/** Loads test/fixtures/post-message.html at `origin` in a new iframe of this page, which posts `message`. */
async function postFromOtherFrame(origin: string, message: unknown): Promise<void> {
  const frame = document.createElement('iframe');
  frame.src = `${origin}/test/fixtures/post-message.html?message=${encodeURIComponent(JSON.stringify(message))}`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  await settle();
  frame.remove();
}


describe('messages from the payment page: the origin-and-source rule', () => {
  beforeEach(() => useNetwork());

  it('ignores a forged result posted by the page itself, another frame, or another origin', async () => {
    const { element, log } = await payingElement();
    const orderId = element.orderId!;
    window.postMessage(success(orderId), '*'); // right origin, wrong source
    await postFromOtherFrame(location.origin, success(orderId)); // right origin, another window
    const otherOrigin = location.origin.replace('localhost', '127.0.0.1');
    await postFromOtherFrame(otherOrigin, success(orderId)); // another origin
    // The right window, after it navigated to another origin: the origin still decides.
    frameOf(element)!.contentWindow!.location.href = `${otherOrigin}/test/fixtures/post-message.html?message=${encodeURIComponent(JSON.stringify(success(orderId)))}`;
    await settle();
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    expect(dialogOf(element)!.open).to.equal(true);
  });

  it('acts on the structured result from its own frame, once', async () => {
    const { element, log, result } = await payingElement();
    postFromFrame(element, 'garbage');
    postFromFrame(element, { type: 'other', status: 'completed' });
    postFromFrame(element, { ...success('another-order') });
    postFromFrame(element, { ...success(element.orderId!), status: 'pending' });
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    postFromFrame(element, success(element.orderId!));
    postFromFrame(element, { ...success(element.orderId!), status: 'error', error: { code: '05' } });
    expect(await result).to.deep.equal({ outcome: 'success', orderId: element.orderId, status: 'completed', transactionHash: 'f'.repeat(40), receiptUrl: sandboxReceiptUrl('f'.repeat(40)) });
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:success']);
  });

  it('an error result with an acquirer code fails with source acquirer; without one, source api', async () => {
    const first = await payingElement();
    postFromFrame(first.element, { type: 'ktpay:result', status: 'denied', error: { error_type: 'ERROR_PAYMENT', code: 51 } });
    expect(await first.result).to.include({ outcome: 'failed', source: 'acquirer', code: '51', message: 'Недостаточно средств на карте.' });

    const second = await payingElement();
    postFromFrame(second.element, { type: 'ktpay:result', status: 'error', error: { error_type: 'ERROR_SYSTEM', error_message: 'KKB rejected payment' } });
    const result = await second.result;
    expect(result).to.include({ outcome: 'failed', source: 'api', code: null });
  });

  it('"close" from the page closes the modal; the page had shown, so the outcome is unknown', async () => {
    const { element, log, result, orderId, transactionHash } = await payingElement();
    postFromFrame(element, 'close');
    expect(await result).to.deep.equal({ outcome: 'unknown', orderId, transactionHash });
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
    expect(log.at(-1)).to.deep.equal({ type: 'ktpay:close', detail: { reason: 'cancel', paymentStarted: true, transactionHash } });
  });

  it('the sandbox page hides its own cross when show-close-button="false"', async () => {
    const { element } = await payingElement({ 'show-close-button': 'false' });
    expect(new URL(frameOf(element)!.src).searchParams.get('show_close_button')).to.equal('false');
    expect((await sandboxPage(element)).getElementById('cross')!.hidden).to.equal(true);
  });
});

describe("the published page's protocol: callback URL strings", () => {
  beforeEach(() => useNetwork({ pageProtocol: 'published' }));

  it('learns a success from its own marked URL, and never navigates there', async () => {
    const { element, result } = await payingElement();
    await payOnSandbox(element);
    expect(await result).to.include({ outcome: 'success', status: 'success' });
    expect(location.search).not.to.contain('ktpay-checkout');
  });

  it('learns a decline and its code from its own marked failed URL', async () => {
    const { element, result } = await payingElement();
    await payOnSandbox(element, { cvv: '000' });
    expect(await result).to.include({ outcome: 'failed', source: 'acquirer', code: '05' });
  });

  it('ignores URL strings that are not a callback URL or not http(s)', async () => {
    const { element, log } = await payingElement();
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://evil.example/phish', '/relative']) {
      postFromFrame(element, text);
    }
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    expect(dialogOf(element)!.open).to.equal(true);
  });

  it("recognises the merchant's own success URL", async () => {
    const { element, result } = await payingElement({ 'callback-success-url': 'https://shop.example/thanks?id=1' });
    const cancelNavigation = (event: Event) => event.preventDefault();
    element.addEventListener('ktpay:success', cancelNavigation);
    await waitUntil(() => sent[0]?.body);
    expect((await openSealed(sent[0]!.body) as { order: Record<string, string> }).order.callback_success_url).to.equal('https://shop.example/thanks?id=1');
    postFromFrame(element, 'https://shop.example/thanks?id=1&hash=abc');
    expect(await result).to.include({ outcome: 'success' });
  });
});

describe('the transaction hash', () => {
  it('comes from the created answer when the page does not repeat it', async () => {
    await useNetwork({}, http.post(`*${SANDBOX_API_URL}`, () => HttpResponse.json({ error: [], response: { success: true, data: { transaction_hash: 'abc123' } } })));
    const element = await mountCheckout();
    const created = nextEvent(element, 'ktpay:created');
    const result = element.open();
    await created;
    await element.updateComplete;
    await waitUntil(() => frameOf(element)?.contentDocument?.readyState === 'complete');
    postFromFrame(element, { type: 'ktpay:result', status: 'authorized' });
    expect(await result).to.deep.equal({ outcome: 'success', orderId: element.orderId, status: 'authorized', transactionHash: 'abc123', receiptUrl: sandboxReceiptUrl('abc123') });
  });
});
