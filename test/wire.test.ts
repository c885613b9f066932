import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { SANDBOX_API_URL, SANDBOX_APP_ID } from '../src/sandbox/index.js';
import { frameOf, mountCheckout, nextEvent, openSealed, payButton, sent, useNetwork, waitUntil } from './helpers.js';

const API = `*${SANDBOX_API_URL}`;

async function sentJson(): Promise<{ order: Record<string, unknown>; user?: Record<string, unknown> }> {
  await waitUntil(() => sent.length === 1 && sent[0]!.body !== '');
  return (await openSealed(sent[0]!.body)) as never;
}

describe('what the element sends', () => {
  beforeEach(() => useNetwork());

  // This test page's own address carries a query (the runner's session id): a page's token or
  // session in its address must not travel to KTPay in the element's return URLs.
  it("its own return URLs are the page's origin and path, without the page's query", async () => {
    expect(location.search, 'the page has a query to leave out').to.not.equal('');
    const element = await mountCheckout();
    void element.open();
    const { order } = await sentJson();
    element.close();
    for (const field of ['callback_success_url', 'callback_failed_url']) {
      const url = new URL(order[field] as string);
      expect(`${url.origin}${url.pathname}`, field).to.equal(`${location.origin}${location.pathname}`);
      expect([...url.searchParams.keys()], field).to.deep.equal(['ktpay-checkout']);
    }
  });

  it('return-params keeps the named parameters of the page\'s query, and only those', async () => {
    const [name, value] = [...new URLSearchParams(location.search)][0]!;
    const element = await mountCheckout({ 'return-params': `${name} not-there` });
    void element.open();
    const { order } = await sentJson();
    element.close();
    const url = new URL(order.callback_success_url as string);
    expect([...url.searchParams]).to.deep.equal([[name, value], ['ktpay-checkout', url.searchParams.get('ktpay-checkout')]]);
  });

  it('every attribute reaches the wire under its KTPay name', async () => {
    const element = await mountCheckout({
      'order-id': 'A-42',
      amount: '1000.5',
      type: 'service',
      'service-id': '7',
      'contract-value': '+77001234567',
      description: 'Пополнение Beeline',
      'callback-back-url': 'https://shop.kz/back',
      'callback-success-url': 'https://shop.kz/ok?o=A-42',
      'callback-failed-url': 'https://shop.kz/fail',
      'callback-post-url': 'https://shop.kz/hooks/ktpay',
      'callback-force-back-url': 'https://shop.kz/force/back',
      'callback-force-success-url': 'https://shop.kz/force/ok',
      'callback-force-failed-url': 'https://shop.kz/force/fail',
      'merchant-user-id': 'u-1',
      phone: '+77001234567',
      email: 'buyer@example.kz',
      'show-close-button': 'false',
    });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(await sentJson()).to.deep.equal({
      order: {
        order_id: 'A-42',
        amount: 1000.5,
        type: 'service',
        service: { service_id: 7, contract_value: '+77001234567' },
        description: 'Пополнение Beeline',
        callback_back_url: 'https://shop.kz/back',
        callback_success_url: 'https://shop.kz/ok?o=A-42',
        callback_failed_url: 'https://shop.kz/fail',
        callback_post_url: 'https://shop.kz/hooks/ktpay',
        callback_force_back_url: 'https://shop.kz/force/back',
        callback_force_success_url: 'https://shop.kz/force/ok',
        callback_force_failed_url: 'https://shop.kz/force/fail',
        show_close_button: false,
      },
      user: { merchant_user_id: 'u-1', phone: '+77001234567', email: 'buyer@example.kz' },
    });
    const [request] = sent;
    expect(request!.headers.get('Auth-Identifier')).to.equal(SANDBOX_APP_ID);
    expect(request!.headers.get('Content-Type')).to.match(/^text\/plain/);
    expect(request!.body).to.match(/^[A-Za-z0-9+/]+={0,2}$/); // standard base64 with padding
    expect(request!.body.length % 4).to.equal(0);
  });

  it('leaves unset fields out and marks its own callback URLs where the merchant gave none', async () => {
    const element = await mountCheckout({ 'order-id': 'B-1', amount: '250' });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    const { order, user } = await sentJson();
    expect(user).to.equal(undefined);
    expect(Object.keys(order).sort()).to.deep.equal(['amount', 'callback_failed_url', 'callback_success_url', 'order_id', 'type']);
    expect(order).to.include({ order_id: 'B-1', amount: 250, type: 'ecom' });
    for (const [field, outcome] of [['callback_success_url', 'success'], ['callback_failed_url', 'failed']] as const) {
      const url = new URL(order[field] as string);
      expect(url.origin).to.equal(location.origin);
      expect(url.pathname).to.equal(location.pathname);
      expect(url.searchParams.get('ktpay-checkout')).to.match(new RegExp(`^${outcome}\\.[0-9a-f]{16}$`));
    }
  });

  it('attributes changed while a payment is in flight do not change it', async () => {
    const element = await mountCheckout({ 'order-id': 'C-1', amount: '100' });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    element.setAttribute('amount', '999');
    element.orderId = 'C-2';
    await created;
    expect((await sentJson()).order).to.include({ order_id: 'C-1', amount: 100 });
  });
});

/**
 * The orders the page asks its sealing worker to seal, in order, as the JSON sealed: what leaves
 * the page's main thread for the worker (the seal's own boundary), and how many seals came back,
 * recorded until `stop`.
 */
function recordSeals(): { seals: string[]; sealedReplies: () => number; stop: () => void } {
  const seals: string[] = [];
  let sealed = 0;
  const heard = new Set<Worker>();
  /** The ids of the seals asked for since the recording began: a late answer to an earlier one is not counted. */
  const asked = new Set<unknown>();
  const count = (event: MessageEvent<{ id?: unknown; type?: string } | null>) => void (event.data?.type === 'sealed' && asked.has(event.data.id) && sealed++);
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const { id, json } = (message ?? {}) as { id?: unknown; json?: unknown };
    if (typeof json === 'string') {
      seals.push(json);
      asked.add(id);
    }
    // Its answers too (the worker is the page's, started perhaps before this recording).
    if (!heard.has(this)) {
      heard.add(this);
      this.addEventListener('message', count);
    }
    return (post as (...args: unknown[]) => void).call(this, message, ...rest);
  } as Worker['postMessage'];
  return {
    seals,
    sealedReplies: () => sealed,
    stop: () => {
      Worker.prototype.postMessage = post;
      for (const worker of heard) worker.removeEventListener('message', count);
    },
  };
}

// A tap's order is sealed on the buyer's first sign of intent (or once the button is on screen and
// the code is in), so the click only sends it: if, and only if, what it was made from is unchanged.
describe('the order made ready on intent', () => {
  let recording: ReturnType<typeof recordSeals>;
  beforeEach(async () => {
    await useNetwork();
    recording = recordSeals();
  });
  afterEach(() => recording.stop());

  /** An element whose buyer has shown intent (focus on Pay), with its order sealed. */
  async function intended(attributes: Record<string, string> = {}) {
    const element = await mountCheckout({ preload: 'intent', ...attributes });
    payButton(element).focus();
    await waitUntil(() => recording.seals.length === 1, 'the order was not sealed on intent');
    return element;
  }

  it('the Pay that follows sends the order sealed on intent, without sealing it again', async () => {
    const element = await intended({ 'order-id': 'R-1', amount: '700' });
    void element.open();
    const { order } = await sentJson();
    element.close();
    expect(order).to.include({ order_id: 'R-1', amount: 700 });
    expect(recording.seals.map((json) => JSON.parse(json).order)).to.deep.equal([order]);
  });

  it('parameters changed after the intent: the Pay seals and sends them, not the order made ahead', async () => {
    const element = await intended({ 'order-id': 'R-2', amount: '700' });
    element.setAttribute('amount', '900');
    void element.open();
    const { order } = await sentJson();
    element.close();
    expect(order).to.include({ order_id: 'R-2', amount: 900 });
    expect(recording.seals.map((json) => JSON.parse(json).order.amount)).to.deep.equal([700, 900]);
  });

  it("the page's address changed after the intent (a single-page app's route): its return URLs are the new address", async () => {
    const before = location.href;
    const element = await intended();
    history.replaceState(history.state, '', `${location.pathname}-next${location.search}`);
    try {
      void element.open();
      const { order } = await sentJson();
      element.close();
      expect(new URL(order.callback_success_url as string).pathname).to.equal(location.pathname);
      expect(recording.seals).to.have.length(2);
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  it("a Pay once that seal came sends it within the click's own call, before it queues anything (the modal's drawing too)", async () => {
    const element = await intended({ 'order-id': 'R-5' });
    await waitUntil(() => recording.sealedReplies() === 1, 'the seal made on intent did not come back');
    await new Promise((resolve) => setTimeout(resolve)); // the reply's promise callbacks, run
    // What the click does, in order: its requests, and the tasks it queues (the modal's drawing's
    // among them: `scheduler.yield()` where the browser has it, else a timeout).
    const done: string[] = [];
    const { fetch, setTimeout: timeout } = window;
    const scheduler = (window as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    const schedulerYield = scheduler?.yield;
    window.fetch = function (this: Window, input: RequestInfo | URL, init?: RequestInit) {
      done.push(`${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input, location.href).pathname}`);
      return fetch.call(this, input, init);
    } as typeof window.fetch;
    window.setTimeout = ((...args: Parameters<typeof timeout>) => (done.push('a task queued'), timeout(...args))) as typeof timeout;
    if (scheduler && schedulerYield) scheduler.yield = () => (done.push('a task queued'), schedulerYield.call(scheduler));
    try {
      payButton(element).click();
    } finally {
      Object.assign(window, { fetch, setTimeout: timeout });
      if (scheduler && schedulerYield) scheduler.yield = schedulerYield;
    }
    expect(done[0], 'the first thing the click did').to.equal(`POST ${SANDBOX_API_URL}`);
    expect(done.filter((step) => step !== 'a task queued')).to.deep.equal([`POST ${SANDBOX_API_URL}`]);
    const { order } = await sentJson();
    element.close();
    expect(order).to.include({ order_id: 'R-5' });
    expect(recording.seals).to.have.length(1);
  });

  it('a second intent with nothing changed seals nothing more', async () => {
    const element = await intended();
    payButton(element).blur();
    payButton(element).focus();
    payButton(element).dispatchEvent(new PointerEvent('pointerenter'));
    await new Promise((resolve) => setTimeout(resolve)); // the intents' work, done
    void element.open();
    await sentJson();
    element.close();
    expect(recording.seals).to.have.length(1);
  });
});

describe("KTPay's answers", () => {
  it('published shape: the page URL is built from the widget base and the hash', async () => {
    await useNetwork();
    const element = await mountCheckout();
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    const { detail } = await created;
    const url = new URL(detail.paymentUrl);
    expect(url.origin + url.pathname).to.equal(`${location.origin}/sandbox/payment-card`);
    expect(url.searchParams.get('hash')).to.equal(detail.transactionHash);
    expect(url.searchParams.get('show_close_button')).to.equal('true');
    await element.updateComplete;
    expect(frameOf(element)!.src).to.equal(detail.paymentUrl);
  });

  it('seed 001 shape: payload.url is used as given', async () => {
    const given = `${location.origin}/sandbox/payment-card?hash=from-seed-001`;
    await useNetwork({}, http.post(API, () => HttpResponse.json({ success: true, payload: { url: given } })));
    const element = await mountCheckout();
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    const { detail } = await created;
    expect(detail.paymentUrl).to.equal(given);
    expect(detail.transactionHash).to.equal(undefined);
    await element.updateComplete;
    expect(frameOf(element)!.src).to.equal(given);
  });

  it('a page URL that is not http(s) is never opened', async () => {
    await useNetwork({}, http.post(API, () => HttpResponse.json({ success: true, payload: { url: 'javascript:alert(1)' } })));
    const element = await mountCheckout();
    const result = await element.open();
    expect(result.outcome === 'failed' && result.source).to.equal('network');
    expect(frameOf(element)).to.equal(null);
  });
});
