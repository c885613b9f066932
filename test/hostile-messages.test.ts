// Hostile `message` events while the payment page is open. The element must act only on messages
// whose source is its own iframe's window AND whose origin is the payment page's origin, and only
// on the two dialects of CONTRACT.md ("close" / an http(s) URL string, or a `ktpay:result`
// object). Everything else: no event, no navigation, no uncaught exception, and the element still
// works afterwards (each test ends with a genuine result from the real frame where it can).
import { expect } from '@open-wc/testing';
import type { KtpayCheckout } from '../src/index.js';
import { hostile, settle } from './hostile.js';
import { dialogOf, frameOf, nextEvent, payingElement, postFromFrame, recordEvents, sandboxPage, sandboxReceiptUrl, useNetwork, waitUntil } from './helpers.js';

const success = (orderId: string) => ({ type: 'ktpay:result', status: 'completed', order_id: orderId, transaction_hash: 'f'.repeat(40), error: null });
const failure = (orderId: string) => ({ type: 'ktpay:result', status: 'error', order_id: orderId, error: { error_type: 'ERROR_PAYMENT', code: '51' } });
/** Runs a script inside `frameWindow`, so the message's source really is that window. */
function postFrom(frameWindow: Window, message: unknown): void {
  new (frameWindow as Window & typeof globalThis).Function('m', 'parent.postMessage(m, "*")')(message);
}

/**
 * A message event carrying exactly the fields the check reads. The browser would never let a real
 * sender forge `source`, so this is a stronger attack than any a page could make.
 */
function forge(data: unknown, origin: string, source: MessageEventSource | null): void {
  let event: MessageEvent;
  try {
    event = new MessageEvent('message', { data, origin, source });
  } catch (error) {
    // WebKit refuses to build an event whose source is the window of a frame that is gone: there,
    // this forgery cannot even be made.
    expect(error, 'only WebKit’s refusal of a dead source').to.be.instanceOf(TypeError);
    return;
  }
  window.dispatchEvent(event);
}

/** Resolves when this window receives a message matching `test` (after the element's own listener). */
function arrival(test: (event: MessageEvent) => boolean): Promise<MessageEvent> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (!test(event)) return;
      window.removeEventListener('message', listener);
      resolve(event);
    };
    window.addEventListener('message', listener);
  });
}

/**
 * A message from `frameWindow`, even once its iframe is gone: Firefox then delivers it with
 * `source` null (the window no longer exists), Chromium and WebKit with the old window.
 */
const fromFrame = (frameWindow: Window) => (event: MessageEvent) =>
  event.origin === location.origin && (event.source === frameWindow || event.source === null);

/** An iframe of this page, appended; resolves when its document loaded. */
async function extraFrame(setup: (frame: HTMLIFrameElement) => void): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  setup(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}


/** The element is still waiting for its page: no outcome, modal and frame still there. */
function expectUntouched(element: KtpayCheckout, log: { type: string }[]): void {
  expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
  expect(dialogOf(element)?.open, 'the modal stays open').to.equal(true);
  expect(frameOf(element), 'the payment frame stays').to.not.equal(null);
}

/** Ends with a genuine result from the real frame: proves the element survived and was listening. */
async function expectStillListening(element: KtpayCheckout, result: Promise<unknown>, orderId: string): Promise<void> {
  postFromFrame(element, success(orderId));
  expect(await result).to.include({ outcome: 'success', orderId, status: 'completed' });
}

describe('hostile messages: origin and source', () => {
  beforeEach(() => useNetwork());

  hostile('a forged event from the right window is acted on (control: the forging reaches the check)', async () => {
    const { element, result, orderId } = await payingElement();
    forge(success(orderId), location.origin, frameOf(element)!.contentWindow);
    expect(await result).to.include({ outcome: 'success', orderId });
  });

  hostile('ignores wrong, look-alike and opaque origins even with the real frame as source', async () => {
    const { element, log, result, orderId } = await payingElement();
    const frameWindow = frameOf(element)!.contentWindow!;
    const { protocol, hostname, port, host } = location;
    const otherScheme = protocol === 'http:' ? 'https:' : 'http:';
    const origins = [
      'https://widget.nplus.tech.evil.com', // look-alike of KTPay's production page
      'https://widget.nplus.tech', // KTPay's real origin, but not the page this element opened
      `${protocol}//${host}.evil.com`, // look-alikes of the origin actually opened (the sandbox's)
      `${protocol}//${hostname}.evil.com:${port}`,
      `${protocol}//evil.com.${host}`,
      `${protocol}//${hostname}:${Number(port) + 1}`, // right host, another port
      `${protocol}//${hostname}`, // right host, default port
      `${otherScheme}//${host}`, // right host, another scheme
      `${protocol}//${host}/`, // not a serialized origin
      `${protocol}//${host} `,
      location.origin.toUpperCase(),
      location.origin.replace('localhost', '127.0.0.1'),
      'null',
      '',
    ];
    for (const origin of origins) forge(success(orderId), origin, frameWindow);
    forge('close', 'null', frameWindow);
    forge('close', 'https://widget.nplus.tech.evil.com', frameWindow);
    await settle();
    expectUntouched(element, log);
    await expectStillListening(element, result, orderId);
  });

  hostile('ignores the right origin with another window (or none) as source', async () => {
    const { element, log, result, orderId } = await payingElement();
    const sibling = await extraFrame((f) => (f.srcdoc = '<p>same-origin sibling</p>'));
    forge(success(orderId), location.origin, window); // the merchant page itself
    forge(success(orderId), location.origin, sibling.contentWindow); // another same-origin frame
    forge(success(orderId), location.origin, null);
    forge(success(orderId), location.origin, window.top);
    forge('close', location.origin, sibling.contentWindow);
    // Real posts: from this page, and from a same-origin frame running the fixture.
    window.postMessage(success(orderId), '*');
    const fixture = await extraFrame(
      (f) => (f.src = `/test/fixtures/post-message.html?message=${encodeURIComponent(JSON.stringify(success(orderId)))}`),
    );
    // A frame the payment page itself embeds (an ad, a 3-D Secure page on its origin): same origin,
    // but not the element's iframe.
    const page = frameOf(element)!.contentDocument!;
    const nested = page.createElement('iframe');
    const nestedPosted = arrival((e) => e.source === nested.contentWindow);
    nested.srcdoc = `<script>parent.parent.postMessage(${JSON.stringify(success(orderId))}, '*'); top.postMessage('close', '*')</script>`;
    page.body.append(nested);
    await nestedPosted;
    await settle();
    expectUntouched(element, log);
    sibling.remove();
    fixture.remove();
    nested.remove();
    await expectStillListening(element, result, orderId);
  });

  hostile('ignores real posts from another origin and from an opaque-origin (sandboxed) frame', async () => {
    const { element, log, result, orderId } = await payingElement();
    // Another origin really served: 127.0.0.1 instead of localhost.
    const otherOrigin = location.origin.replace('localhost', '127.0.0.1');
    const crossPosted = arrival((e) => e.origin === otherOrigin);
    const cross = await extraFrame(
      (f) => (f.src = `${otherOrigin}/test/fixtures/post-message.html?message=${encodeURIComponent(JSON.stringify(success(orderId)))}`),
    );
    await crossPosted;
    // A sandboxed frame without allow-same-origin: its messages come from origin "null".
    const opaquePosted = arrival((e) => e.origin === 'null' && e.data === 'close');
    const opaque = await extraFrame((f) => {
      f.setAttribute('sandbox', 'allow-scripts');
      f.srcdoc = `<script>parent.postMessage(${JSON.stringify(success(orderId))}, '*'); parent.postMessage('close', '*')</script>`;
    });
    await opaquePosted;
    await settle();
    expectUntouched(element, log);
    cross.remove();
    opaque.remove();
    await expectStillListening(element, result, orderId);
  });

  hostile('ignores the right window once it shows an opaque-origin (data:) document', async () => {
    const { element, log, orderId } = await payingElement();
    const frameWindow = frameOf(element)!.contentWindow!;
    const posted = arrival((e) => e.source === frameWindow && e.origin === 'null' && e.data === 'close');
    // The element's own iframe window, navigated to a data: URL: right source, origin "null".
    frameWindow.location.href = `data:text/html,<script>parent.postMessage(${encodeURIComponent(JSON.stringify(success(orderId)))}, '*'); parent.postMessage('close', '*')</script>`;
    await posted;
    await settle();
    expectUntouched(element, log);
    element.close();
  });
});

describe('hostile messages: data', () => {
  beforeEach(() => useNetwork());

  hostile('ignores non-string and garbage data from the real frame', async () => {
    const { element, log, result, orderId } = await payingElement();
    const garbage: unknown[] = [
      0, 42, -1, NaN, Infinity, 10n, true, false, null, undefined, '', ' ', 'CLOSE', 'closed', 'close\u0000', 'ktpay:result',
      [], ['close'], [success(orderId)], {}, { kind: 'close' }, { close: true },
      new Blob([JSON.stringify(success(orderId))], { type: 'application/json' }),
      new TextEncoder().encode(JSON.stringify(success(orderId))).buffer,
      new Uint8Array([1, 2, 3]),
      new Date(),
      /ktpay:result/,
      new Map([['type', 'ktpay:result'], ['status', 'completed']]),
      new Set(['ktpay:result', 'completed']),
      new String('close'), // a String object, not a string
      new Error('ktpay:result'),
      { data: success(orderId) },
      { message: success(orderId) },
      { detail: success(orderId) },
      { a: { b: { c: { d: { e: success(orderId) } } } } },
    ];
    for (const data of garbage) postFromFrame(element, data);
    await settle();
    expectUntouched(element, log);
    await expectStillListening(element, result, orderId);
  });

  hostile('a string holding the JSON of a valid result is not a result', async () => {
    const { element, log, result, orderId } = await payingElement();
    postFromFrame(element, JSON.stringify(success(orderId)));
    postFromFrame(element, JSON.stringify(failure(orderId)));
    postFromFrame(element, JSON.stringify('close'));
    postFromFrame(element, ` ${JSON.stringify(success(orderId))}\n`);
    await settle();
    expectUntouched(element, log);
    await expectStillListening(element, result, orderId);
  });

  hostile('ignores results of the wrong type, a wrong status, or with the fields in the wrong shape', async () => {
    const { element, log, result, orderId } = await payingElement();
    const valid = success(orderId);
    const wrong: unknown[] = [
      { ...valid, type: 'ktpay:results' },
      { ...valid, type: 'KTPAY:RESULT' },
      { ...valid, type: ' ktpay:result' },
      { ...valid, type: ['ktpay:result'] },
      { ...valid, type: { toString: 'ktpay:result' } },
      { ...valid, type: undefined },
      { ...valid, type: 'ktpay:ready' },
      { ...valid, status: 'COMPLETED' },
      { ...valid, status: 'completed ' },
      { ...valid, status: ['completed'] },
      { ...valid, status: 1 },
      { ...valid, status: 'toString' }, // a name every object inherits
      { ...valid, status: '__proto__' },
      { ...valid, status: 'constructor' },
      { ...valid, status: 'pending' }, // changes nothing, by contract
      { ...valid, order_id: `${orderId}x` }, // another order
      { ...valid, order_id: ` ${orderId}` },
    ];
    for (const data of wrong) postFromFrame(element, data);
    await settle();
    expectUntouched(element, log);
    await expectStillListening(element, result, orderId);
  });

  hostile('__proto__ and constructor keys neither count as a result nor pollute Object.prototype', async () => {
    const { element, log, result, orderId } = await payingElement();
    const inner = `{"type":"ktpay:result","status":"completed","order_id":${JSON.stringify(orderId)}}`;
    const payloads = [
      `{"__proto__": ${inner}}`,
      `{"constructor": {"prototype": ${inner}}}`,
      `{"__proto__": {"__proto__": ${inner}}}`,
      `{"type": "ktpay:result", "__proto__": {"status": "completed"}}`,
      `{"type": "ktpay:result", "status": "error", "order_id": "other", "__proto__": {"order_id": ${JSON.stringify(orderId)}}}`,
    ];
    for (const text of payloads) postFromFrame(element, JSON.parse(text));
    // An object whose prototype holds the fields: structured cloning keeps only own properties.
    postFromFrame(element, Object.create(success(orderId)));
    await settle();
    expectUntouched(element, log);
    const probe = {} as Record<string, unknown>;
    for (const key of ['type', 'status', 'order_id', 'prototype']) {
      expect(probe[key], `({}).${key}`).to.equal(undefined);
      expect(Object.hasOwn(Object.prototype, key), `Object.prototype.${key}`).to.equal(false);
    }
    await expectStillListening(element, result, orderId);
    for (const key of ['type', 'status', 'order_id']) expect(({} as Record<string, unknown>)[key]).to.equal(undefined);
  });

  hostile('a 1 MB string is ignored quickly', async () => {
    const { element, log, result, orderId } = await payingElement();
    const huge = 'x'.repeat(1 << 20);
    const payloads = [huge, `close${huge}`, `https://shop.example/${huge}`, `${JSON.stringify(success(orderId))}${huge}`];
    const start = performance.now();
    for (const data of payloads) postFromFrame(element, data);
    await arrival((e) => e.data === payloads.at(-1));
    await settle();
    expect(performance.now() - start, 'milliseconds to handle 4 MB of messages').to.be.below(2000);
    expectUntouched(element, log);
    await expectStillListening(element, result, orderId);
  });

  hostile('an otherwise valid result with a 1 MB extra field or hash is handled, quickly', async () => {
    const { element, result, orderId } = await payingElement();
    // The transaction hash of the sandbox's created answer, as the frame's URL carries it.
    const created = new URL(frameOf(element)!.src).searchParams.get('hash')!;
    const huge = 'f'.repeat(1 << 20);
    const start = performance.now();
    postFromFrame(element, { ...success(orderId), transaction_hash: huge, junk: huge, error: { error_message: huge } });
    const outcome = await result;
    expect(performance.now() - start).to.be.below(2000);
    // The overlong hash is not taken; the one from KTPay's created answer is kept.
    expect(outcome).to.deep.equal({ outcome: 'success', orderId, status: 'completed', transactionHash: created, receiptUrl: sandboxReceiptUrl(created) });
  });

  hostile('a result naming an overlong (1 MB) order id is not this order', async () => {
    const { element, log, result, orderId } = await payingElement();
    // Starts with the element's own order id, then 1 MB more: certainly another order.
    postFromFrame(element, { ...success(orderId), order_id: orderId + 'x'.repeat(1 << 20) });
    await settle();
    expectUntouched(element, log);
    await expectStillListening(element, result, orderId);
  });
});

describe('hostile messages: timing', () => {
  beforeEach(() => useNetwork());

  hostile('the same result twice fires one ktpay:success; a later failure or "close" changes nothing', async () => {
    const { element, log, result, orderId } = await payingElement();
    const frameWindow = frameOf(element)!.contentWindow!;
    postFrom(frameWindow, success(orderId));
    postFrom(frameWindow, success(orderId));
    postFrom(frameWindow, failure(orderId));
    postFrom(frameWindow, 'close');
    expect(await result).to.include({ outcome: 'success', orderId });
    await settle();
    // The success view replaced the frame; its window can only be forged now.
    forge(success(orderId), location.origin, frameWindow);
    forge('close', location.origin, frameWindow);
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:success']);
    expect(dialogOf(element)?.open, 'the success view stays').to.equal(true);
    expect(dialogOf(element)!.querySelector('.result.success')).to.not.equal(null);
  });

  hostile('failure then success: the first counts', async () => {
    const { element, log, result, orderId } = await payingElement();
    postFromFrame(element, failure(orderId));
    postFromFrame(element, success(orderId));
    expect(await result).to.include({ outcome: 'failed', source: 'acquirer', code: '51' });
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:failed']);
    expect(dialogOf(element)!.querySelector('.result.failure')).to.not.equal(null);
  });

  hostile('nothing fires for a message after close(), nor for the old frame in the next attempt', async () => {
    const { element, log, result, orderId, transactionHash } = await payingElement();
    const oldFrame = frameOf(element)!.contentWindow!;
    element.close();
    // Posted from the still-live frame in the same task as close(): it arrives after close.
    const arrived = arrival(fromFrame(oldFrame));
    postFrom(oldFrame, success(orderId));
    await arrived;
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
    forge(success(orderId), location.origin, oldFrame); // the window is gone now; forge it
    forge('close', location.origin, oldFrame);
    await settle();
    // Closed once the page showed: unknown, and the late success changes nothing.
    expect(await result).to.deep.equal({ outcome: 'unknown', orderId, transactionHash });
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:close']);

    // Paying again: the previous attempt's frame must not settle the new one.
    const created = nextEvent(element, 'ktpay:created');
    const again = element.open();
    await created;
    await sandboxPage(element);
    forge(success(orderId), location.origin, oldFrame);
    await settle();
    expect(log.map((e) => e.type).slice(3)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    await expectStillListening(element, again, orderId);
    await settle();
    // Heard once: the closed attempt's listener is gone, not merely idle.
    expect(log.map((e) => e.type).slice(3)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:success']);
  });

  hostile('nothing fires for a message after the element left the DOM, nor once it is back', async () => {
    const { element, log, result, orderId, transactionHash } = await payingElement();
    const onDocument = recordEvents(document);
    const oldFrame = frameOf(element)!.contentWindow!;
    const arrived = arrival(fromFrame(oldFrame));
    postFrom(oldFrame, success(orderId));
    element.remove(); // same task: the message arrives after removal
    await arrived;
    forge(success(orderId), location.origin, oldFrame);
    await settle();
    expect(await result).to.deep.equal({ outcome: 'unknown', orderId, transactionHash });
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    document.body.append(element);
    await element.updateComplete;
    forge(success(orderId), location.origin, oldFrame);
    forge('close', location.origin, oldFrame);
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    expect(onDocument).to.deep.equal([]);
    expect(dialogOf(element)).to.equal(null);
    element.remove();
  });
});

describe('hostile messages: two elements on one page', () => {
  beforeEach(() => useNetwork());

  hostile("a result from A's frame settles only A, and from B's frame only B", async () => {
    const a = await payingElement();
    const b = await payingElement();
    expect(a.orderId).to.not.equal(b.orderId);
    const frameA = frameOf(a.element)!.contentWindow!;
    const frameB = frameOf(b.element)!.contentWindow!;
    expect(frameA).to.not.equal(frameB);

    // Each frame speaking of the other's order: neither element acts (wrong source for one,
    // another order for the other).
    postFrom(frameA, success(b.orderId));
    postFrom(frameB, success(a.orderId));
    await settle();
    expectUntouched(a.element, a.log);
    expectUntouched(b.element, b.log);

    // A result without an order id, from A's frame: only A settles.
    postFrom(frameA, { type: 'ktpay:result', status: 'completed' });
    expect(await a.result).to.include({ outcome: 'success', orderId: a.orderId });
    await settle();
    expectUntouched(b.element, b.log);

    // Vice versa: B's frame fails B; A keeps its success and hears nothing more.
    postFrom(frameB, failure(b.orderId));
    expect(await b.result).to.include({ outcome: 'failed', source: 'acquirer', code: '51' });
    forge('close', location.origin, frameB); // B's frame is gone (result view): forge it
    await settle();
    expect(a.log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:success']);
    expect(b.log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:failed']);
  });

  hostile('"close" from B\'s frame closes only B', async () => {
    const a = await payingElement();
    const b = await payingElement();
    postFromFrame(b.element, 'close');
    expect(await b.result).to.deep.equal({ outcome: 'unknown', orderId: b.orderId, transactionHash: b.transactionHash });
    await settle();
    expectUntouched(a.element, a.log);
    await waitUntil(() => dialogOf(b.element) === null);
    await expectStillListening(a.element, a.result, a.orderId);
  });
});
