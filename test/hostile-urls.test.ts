// Hostile URLs wherever a URL enters the element: its attributes, the payment page's messages and
// KTPay's answer. Nothing but an absolute http(s) URL is ever sent anywhere or followed; none of
// these runs script or leaves the page. Every payload that could run script sets
// `window.__pwned = true` (a data: document cannot reach this window, so it posts "__pwned"), and
// every test checks the marker, this page's navigations and its address at the end.
import { expect } from '@open-wc/testing';
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { KtpayCheckout } from '../src/index.js';
import { SANDBOX_API_URL, SANDBOX_ATTRIBUTES } from '../src/sandbox/index.js';
import { hostile, settle } from './hostile.js';
import { modalMessages } from '../src/i18n/load-messages.js';
import { dialogOf, frameOf, freshOrderId, merchantPage, mountCheckout, openSealed, payingElement, postFromFrame, recordEvents, sent, shadow, useNetwork, waitUntil } from './helpers.js';

const PWN = 'window.__pwned=true';

interface HostileUrl {
  value: string;
  /**
   * A relative reference (no scheme of its own). `api-url` and `widget-url` "may be relative to
   * the page", so the element resolves these against it (to http(s)); callback URLs must be
   * absolute and refuse them.
   */
  relative?: true;
}

const HOSTILE: HostileUrl[] = [
  { value: `javascript:${PWN}` },
  { value: `JaVaScRiPt:${PWN}` },
  { value: `javascript:window.__pwned%3Dtrue` },
  { value: `data:text/html,<script>try{top.__pwned=true}catch(e){top.postMessage('__pwned','*')}</script>` },
  { value: `data:text/html;base64,${btoa("<script>top.postMessage('__pwned','*')</script>")}` },
  { value: `javascript://host/%0a${PWN}` },
  { value: `javascript://shop.example/thanks?%0a${PWN}` },
  { value: `&#106;avascript:${PWN}`, relative: true }, // literal text: entities mean nothing in an attribute set by script
  { value: `&#x6A;avascript:${PWN}`, relative: true },
  { value: `%6Aavascript:${PWN}`, relative: true },
  { value: `\u0000javascript:${PWN}` },
  { value: `\u0001\u001fjavascript:${PWN}` },
  { value: ` javascript:${PWN}` },
  { value: `\n\tjavascript:${PWN}` },
  { value: `java\tscript:${PWN}` },
  { value: `java\nscript:${PWN}` },
  { value: `java\rscript:${PWN}` },
  { value: `vbscript:${PWN}` },
  { value: '/thanks', relative: true },
  { value: 'thanks', relative: true },
  { value: '//evil.example/x', relative: true },
  { value: '\\\\evil.example\\x', relative: true },
  { value: 'https://user:pass@shop.example/x' },
  { value: 'https://user@shop.example/x' },
  { value: 'file:///etc/passwd' },
  { value: 'blob:https://shop.example/0f7a3c1e-2a4b-4c6d-8e9f-0a1b2c3d4e5f' },
  { value: 'about:blank' },
  { value: 'ftp://shop.example/x' },
  { value: 'ws://shop.example/x' },
  { value: 'intent://shop.example/#Intent;scheme=https;end' },
];

const CALLBACK_ATTRIBUTES = [
  'callback-back-url',
  'callback-success-url',
  'callback-failed-url',
  'callback-post-url',
  'callback-force-back-url',
  'callback-force-success-url',
  'callback-force-failed-url',
] as const;

/** Every POST the page makes; the sandbox's own routes pass on to it, anything else gets a 404. */
const posts: string[] = [];
const recordPosts = http.post('*', ({ request }) => {
  posts.push(request.url);
  if (new URL(request.url).pathname.startsWith('/sandbox/')) return undefined;
  return HttpResponse.text('not an API', { status: 404 });
});
async function network(...overrides: RequestHandler[]) {
  await useNetwork({}, ...overrides, recordPosts);
  posts.length = 0;
}



/**
 * `open()`, but a payment that gets as far as KTPay creating it is closed at once (so the result is
 * "cancelled"): a value that should have been refused fails the test quickly instead of leaving
 * the element waiting on a payment page.
 */
async function openFast(element: KtpayCheckout) {
  const closeIfCreated = () => element.close();
  element.addEventListener('ktpay:created', closeIfCreated, { once: true });
  try {
    return await element.open();
  } finally {
    element.removeEventListener('ktpay:created', closeIfCreated);
  }
}

const continueButton = (element: KtpayCheckout) => dialogOf(element)!.querySelector<HTMLButtonElement>('button[part~="continue"]')!;
const describeValue = (value: string) => JSON.stringify(value);
/** The fragment never goes on the wire (Request.url may still show it). */
const withoutFragment = (href: string) => href.replace(/#.*$/s, '');

describe('hostile URLs in callback attributes', () => {
  beforeEach(() => network());

  for (const attribute of CALLBACK_ATTRIBUTES) {
    hostile(`${attribute}: every non-absolute-http(s) value fails validation naming it, and nothing is sent`, async () => {
      const element = await mountCheckout();
      const log = recordEvents(element);
      for (const { value } of HOSTILE) {
        element.setAttribute(attribute, value);
        const result = await openFast(element);
        expect(result, `${attribute}=${describeValue(value)}`).to.include({ outcome: 'failed', source: 'validation', code: null });
        expect(Object.keys((result as { fields?: object }).fields ?? {}), describeValue(value)).to.deep.equal([attribute]);
        await element.updateComplete;
        // The failure view's only way on must just close: a validation fault never redirects.
        continueButton(element).click();
        await element.updateComplete;
        expect(dialogOf(element), describeValue(value)).to.equal(null);
        element.removeAttribute(attribute);
      }
      expect(log.map((e) => e.type)).to.deep.equal(HOSTILE.flatMap(() => ['ktpay:open', 'ktpay:failed', 'ktpay:close']));
      expect(sent, 'requests to the API').to.deep.equal([]);
      expect(posts, 'any POST').to.deep.equal([]);
    });
  }

  hostile('entity-encoded schemes written in markup decode to javascript: and are refused', async () => {
    const attributes = Object.entries({ ...SANDBOX_ATTRIBUTES, 'order-id': freshOrderId(), amount: '1500' })
      .map(([name, value]) => `${name}="${value}"`)
      .join(' ');
    const host = document.createElement('div');
    host.innerHTML = `<ktpay-checkout ${attributes}
      callback-success-url="&#106;avascript:${PWN}" callback-failed-url="&#x6A;avascript:${PWN}"
      callback-back-url="&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a${PWN}"
      callback-force-success-url="java&#x09;script:${PWN}" callback-force-failed-url="&#0;javascript:${PWN}"></ktpay-checkout>`;
    document.body.append(host);
    try {
      const element = host.firstElementChild as KtpayCheckout;
      expect(element.getAttribute('callback-success-url')).to.equal(`javascript:${PWN}`); // the parser decoded it
      const result = await openFast(element);
      expect(result).to.include({ outcome: 'failed', source: 'validation' });
      expect(Object.keys((result as { fields?: object }).fields ?? {}).sort()).to.deep.equal(
        ['callback-back-url', 'callback-failed-url', 'callback-force-failed-url', 'callback-force-success-url', 'callback-success-url'],
      );
      await element.updateComplete;
      continueButton(element).click();
      await element.updateComplete;
      expect(sent).to.deep.equal([]);
      expect(posts).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });
});

describe('hostile URLs in api-url and widget-url ("may be relative to the page")', () => {
  beforeEach(() => network());

  hostile('api-url: schemes other than http(s) fail validation; relative references resolve against the page', async () => {
    const element = await mountCheckout();
    const log = recordEvents(element);
    for (const { value, relative } of HOSTILE) {
      posts.length = 0;
      sent.length = 0;
      element.setAttribute('api-url', value);
      const result = await openFast(element);
      if (relative) {
        // Resolved against the page, it is an http(s) URL: the order goes there (here a 404).
        const expected = new URL(value, document.baseURI);
        expected.hash = '';
        expect(['http:', 'https:']).to.include(expected.protocol);
        expect(posts.map(withoutFragment), describeValue(value)).to.deep.equal([expected.href]);
        expect(result, describeValue(value)).to.include({ outcome: 'failed', source: 'network' });
      } else {
        expect(result, describeValue(value)).to.include({ outcome: 'failed', source: 'validation' });
        expect(Object.keys((result as { fields?: object }).fields ?? {}), describeValue(value)).to.deep.equal(['api-url']);
        expect(posts, describeValue(value)).to.deep.equal([]);
        expect(sent, describeValue(value)).to.deep.equal([]);
      }
      await element.updateComplete;
      continueButton(element).click();
      await element.updateComplete;
    }
    expect(log.filter((e) => e.type === 'ktpay:created')).to.deep.equal([]);
  });

  hostile('widget-url: schemes other than http(s) fail validation before sending; relative ones resolve to an http(s) page', async () => {
    const element = await mountCheckout();
    const log = recordEvents(element);
    // Close as soon as the page URL is known: the iframe is never rendered (no request to evil.example).
    let opened: string | undefined;
    element.addEventListener('ktpay:created', (event) => {
      opened = event.detail.paymentUrl;
      element.close();
    });
    for (const { value, relative } of HOSTILE) {
      opened = undefined;
      posts.length = 0;
      element.setAttribute('widget-url', value);
      const result = await openFast(element);
      await element.updateComplete;
      if (relative) {
        const base = new URL(value, document.baseURI);
        const page = new URL(opened!);
        expect(result, describeValue(value)).to.deep.equal({ outcome: 'cancelled' });
        expect(['http:', 'https:']).to.include(page.protocol);
        expect(page.origin, describeValue(value)).to.equal(base.origin);
        expect(page.pathname, describeValue(value)).to.equal(`${base.pathname.replace(/\/$/, '')}/payment-card`);
        expect(frameOf(element)).to.equal(null);
      } else {
        expect(result, describeValue(value)).to.include({ outcome: 'failed', source: 'validation' });
        expect(Object.keys((result as { fields?: object }).fields ?? {}), describeValue(value)).to.deep.equal(['widget-url']);
        expect(posts, describeValue(value)).to.deep.equal([]);
        continueButton(element).click();
        await element.updateComplete;
      }
    }
    const created = log.filter((e) => e.type === 'ktpay:created').length;
    expect(created).to.equal(HOSTILE.filter((h) => h.relative).length);
  });
});

describe('hostile URLs from the payment page', () => {
  beforeEach(() => network());

  const CALLBACKS = {
    'callback-success-url': 'https://shop.example/thanks',
    'callback-failed-url': 'https://shop.example/failed',
    'callback-back-url': 'https://shop.example/back',
  };
  /** Each callback URL dressed up as script, or made relative, or given credentials. */
  const disguised = (good: string) => {
    const rest = good.replace(/^https?:/, ''); // "//shop.example/thanks"
    const { pathname, search } = new URL(good);
    return [
      `javascript:${rest}%0a${PWN}`,
      `JaVaScRiPt:${rest}?%0a${PWN}`,
      ` javascript:${rest}%0a${PWN}`,
      `\u0000javascript:${rest}%0a${PWN}`,
      `java\tscript:${rest}%0a${PWN}`,
      `javascript:${PWN};'${good}'`,
      `vbscript:${rest}`,
      `data:text/html,<script>top.postMessage('__pwned','*')</script>${good}`,
      `blob:${good}`,
      rest,
      pathname,
      `${pathname}${search}`,
      `${new URL(good).host}${pathname}${search}`,
      good.replace(/^(https?:\/\/)/, '$1user:pass@'),
      `${good}?${'x'.repeat(5000)}`, // over the protocol's length limit
    ];
  };

  hostile('bad URL strings posted by the real frame change nothing and run nothing', async () => {
    const { element, log, result, orderId } = await payingElement(CALLBACKS);
    for (const { value } of HOSTILE) postFromFrame(element, value);
    for (const good of Object.values(CALLBACKS)) for (const value of disguised(good)) postFromFrame(element, value);
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    expect(dialogOf(element)?.open).to.equal(true);
    expect(frameOf(element)).to.not.equal(null);
    // Control: the genuine success URL counts, and Continue goes exactly there.
    postFromFrame(element, 'https://shop.example/thanks?hash=abc');
    expect(await result).to.include({ outcome: 'success', orderId });
    await element.updateComplete;
    continueButton(element).click();
    return ['https://shop.example/thanks?hash=abc'];
  });

  hostile("disguised copies of the element's own callback URLs are ignored; the real one is heard, never followed", async () => {
    const { element, log, result, orderId } = await payingElement();
    await waitUntil(() => sent[0]?.body);
    const { order } = (await openSealed(sent[0]!.body)) as { order: Record<string, string> };
    const own = [order.callback_success_url!, order.callback_failed_url!];
    expect(own.every((url) => new URL(url).origin === location.origin)).to.equal(true);
    for (const url of own) for (const value of disguised(url)) postFromFrame(element, value);
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    postFromFrame(element, own[0]);
    expect(await result).to.include({ outcome: 'success', orderId });
    await element.updateComplete;
    continueButton(element).click(); // no merchant URL: Continue only closes
  });

  hostile('with callback-force-success-url set, disguised copies are ignored and a result goes to exactly that URL', async () => {
    const force = 'https://shop.example/paid?order=1';
    const { element, log, result, orderId } = await payingElement({ 'callback-force-success-url': force, 'callback-force-failed-url': 'https://shop.example/unpaid' });
    for (const value of [...disguised(force), ...disguised('https://shop.example/unpaid')]) postFromFrame(element, value);
    await settle();
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
    // A valid structured success whose other fields hold hostile URLs: only the configured URL is followed.
    postFromFrame(element, {
      type: 'ktpay:result',
      status: 'completed',
      order_id: orderId,
      url: `javascript:${PWN}`,
      redirect_url: `javascript:${PWN}`,
      callback_success_url: `javascript:${PWN}`,
      callback_force_success_url: `javascript:${PWN}`,
      payment_page: `javascript:${PWN}`,
      location: `javascript:${PWN}`,
    });
    expect(await result).to.include({ outcome: 'success', orderId });
    return [force];
  });

  hostile('script in a result\'s text fields is shown as text, never run', async () => {
    const img = `<img src=x onerror="${PWN}">`;
    const first = await payingElement();
    postFromFrame(first.element, { type: 'ktpay:result', status: 'completed', order_id: first.orderId, transaction_hash: `${img}javascript:${PWN}` });
    await first.result;
    await first.element.updateComplete;
    expect(shadow(first.element).querySelector('img')).to.equal(null);
    // Not of a hash's shape, so not taken at all: the created transaction's hash is shown.
    expect(shadow(first.element).querySelector('.hash')!.textContent).to.equal(first.transactionHash);

    const second = await payingElement();
    postFromFrame(second.element, {
      type: 'ktpay:result',
      status: 'error',
      order_id: second.orderId,
      error: { error_type: `<script>${PWN}</script>`, error_message: img },
    });
    expect(await second.result).to.include({ outcome: 'failed' });
    await second.element.updateComplete;
    expect(shadow(second.element).querySelector('img, script')).to.equal(null);
    await new Promise((r) => setTimeout(r, 200)); // time for an injected onerror to fire
  });
});

describe("hostile payment page URLs in KTPay's answer", () => {
  const answering = (field: 'payment_page' | 'url', value: string) =>
    http.post(`*${SANDBOX_API_URL}`, () =>
      HttpResponse.json({ error: [], response: { success: true, data: { transaction_hash: 'abc123', [field]: value } } }),
    );

  // A test per mode and field: each pays once per hostile value, which on a loaded machine is long enough.
  for (const mode of ['modal', 'redirect']) {
    for (const field of ['payment_page', 'url'] as const) {
      hostile(`mode="${mode}": a payment page (${field}) that is not absolute http(s) is a bad answer, never opened`, async () => {
        for (const { value } of HOSTILE) {
          await network(answering(field, value));
          const element = await mountCheckout({ mode });
          const log = recordEvents(element);
          const result = await openFast(element);
          expect(result, `${field}=${describeValue(value)}`).to.include({ outcome: 'failed', source: 'network' });
          await element.updateComplete;
          expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:failed']);
          expect(frameOf(element)).to.equal(null);
          expect(shadow(element).querySelector('a[href]')).to.equal(null);
          element.remove();
        }
      });
    }
  }
});

describe("the payment page's origin is pinned", () => {
  const PAGE_PATH = '/sandbox/payment-card?hash=abc123';
  /** KTPay's answer naming `page` at `api` (a path pattern, or a full URL for the default endpoints). */
  const answering = (api: string, page: string) =>
    http.post(api, () => HttpResponse.json({ error: [], response: { success: true, data: { transaction_hash: 'abc123', payment_page: page } } }));
  const elsewhere = async () => (await modalMessages.load('ru')).ui.pageElsewhere.message;

  for (const mode of ['modal', 'redirect']) {
    hostile(`mode="${mode}", widget-url set: a page on any other origin is refused as KTPay's error, never opened`, async () => {
      const other = ['http://127.0.0.1:8000', 'https://widget.nplus.tech', `${location.protocol}//${location.hostname}:1`]
        .map((origin) => origin.replace('8000', location.port));
      for (const origin of other) {
        await network(answering(`*${SANDBOX_API_URL}`, `${origin}${PAGE_PATH}`));
        const element = await mountCheckout({ mode });
        const log = recordEvents(element);
        const result = await openFast(element);
        expect(result, origin).to.include({ outcome: 'failed', source: 'api', code: null, message: await elsewhere() });
        expect(log.map((e) => e.type), origin).to.deep.equal(['ktpay:open', 'ktpay:failed']);
        await element.updateComplete;
        expect(frameOf(element), origin).to.equal(null);
        expect(shadow(element).querySelector('[part~="retry"]'), 'no Try again: it would only fail the same way').to.equal(null);
        element.remove();
      }
      // Control: the same answer on widget-url's own origin is opened.
      await network(answering(`*${SANDBOX_API_URL}`, `${location.origin}${PAGE_PATH}`));
      const element = await mountCheckout({ mode: 'modal' });
      expect(await openFast(element)).to.deep.equal({ outcome: 'cancelled' });
      element.remove();
    });
  }

  hostile("default endpoints: only https on KTPay's widget for the mode", async () => {
    const TEST_API = 'https://fintech.test.nplus.tech/api/v1/merchant-widget/payment';
    for (const [page, opened] of [
      ['http://widget.test.nplus.tech/payment-card?hash=abc123', false], // plain http
      ['https://widget.nplus.tech/payment-card?hash=abc123', false], // production's page in test mode
      ['https://widget.test.nplus.tech.evil.example/payment-card?hash=abc123', false],
      ['https://widget.test.nplus.tech/payment-card?hash=abc123', true],
    ] as const) {
      await network(answering(TEST_API, page));
      const element = await mountCheckout({ 'api-url': null, 'widget-url': null, 'test-mode': '' });
      const created = recordEvents(element);
      const result = await openFast(element);
      if (opened) {
        expect(result, page).to.deep.equal({ outcome: 'cancelled' });
        expect(created.find((e) => e.type === 'ktpay:created')?.detail, page).to.deep.include({ paymentUrl: page });
      } else {
        expect(result, page).to.include({ outcome: 'failed', source: 'api', message: await elsewhere() });
      }
      element.remove();
    }
  });

  hostile('an injected <base href> moves neither the sealed order nor the trusted frame', async () => {
    await network();
    // The sandbox's endpoints are relative to the page (/sandbox/…): a <base> would move them.
    const { frame, element } = await merchantPage();
    const base = frame.contentDocument!.createElement('base');
    base.href = 'http://127.0.0.1:2/evil/';
    frame.contentDocument!.head.prepend(base);
    const log = recordEvents(element);
    expect(await openFast(element)).to.deep.equal({ outcome: 'cancelled' });
    const page = frame.contentWindow!.location;
    expect(sent.map((r) => new URL(r.url).origin)).to.deep.equal([page.origin]);
    const created = log.find((e) => e.type === 'ktpay:created')!.detail as { paymentUrl: string };
    expect(new URL(created.paymentUrl).origin).to.equal(page.origin);
    frame.remove();
  });
});
