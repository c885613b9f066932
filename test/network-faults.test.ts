import { expect } from '@open-wc/testing';
import { http, HttpResponse, passthrough, type HttpResponseResolver } from 'msw';
import { modalMessages } from '../src/i18n/load-messages.js';
import type { Lang, Messages } from '../src/i18n/messages.js';
import { SANDBOX_API_URL } from '../src/sandbox/index.js';
import { cryptoWarmedUp, mountCheckout, nextCreated, nextEvent, openSealed, recordEvents, sent, useNetwork, waitUntil } from './helpers.js';

// Every way the network can fail a buyer, injected at the fetch boundary (a refused port is
// real). Each must end in ktpay:failed with source `network` and words in the buyer's
// language, never a hang; Try again must send the very same order.

const encoder = new TextEncoder();
const FAKED_RESET = 'connection reset (faked)';
/** A body that starts, then the connection drops. */
const resetMidBody = () =>
  new HttpResponse(
    new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode('{"error":[],"resp'));
        controller.error(new TypeError(FAKED_RESET));
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );
/** Headers arrive, then the body never ends. */
const stallAfterHeaders = () =>
  new HttpResponse(
    new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode('{"error":[],'));
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );

/**
 * A closed port on this machine: a real refused connection. Not port 1: that is on the Fetch
 * standard's list of bad ports, which Firefox refuses before the service worker (msw) sees it.
 */
const REFUSED_API = `http://127.0.0.1:2${SANDBOX_API_URL}`;

interface Fault {
  name: string;
  /** The first request's fate; later ones reach the sandbox. */
  first: HttpResponseResolver;
  text: (m: Messages) => { message: string; hint?: string };
  attributes?: Record<string, string>;
  /** The browser also says it is offline, until Try again. */
  offline?: true;
  /** A reset faked by msw's service worker: only where the engine reports it (resetReachesPage). */
  fakedReset?: true;
}

/**
 * Offline: the request fails and the browser says it is offline. Really taking the browser offline
 * (Playwright's setOffline) also cuts the test runner's own connection and ends the session, so
 * only `navigator.onLine` is told, for the length of the test.
 */
const setOffline = (offline: boolean) => {
  if (offline) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else delete (navigator as { onLine?: boolean }).onLine;
};

const FAULTS: Fault[] = [
  {
    name: 'offline',
    first: () => HttpResponse.error(),
    text: (m) => m.ui.network.offline,
    offline: true,
  },
  { name: 'a refused connection', first: () => passthrough(), text: (m) => m.ui.network.unreachable, attributes: { 'api-url': REFUSED_API } },
  { name: 'a fetch that fails outright', first: () => HttpResponse.error(), text: (m) => m.ui.network.unreachable },
  {
    name: 'a connection reset mid-body',
    first: resetMidBody,
    text: (m) => m.ui.network.unreachable,
    attributes: { timeout: '1' },
    fakedReset: true,
  },
  { name: 'a body that stalls after the headers', first: stallAfterHeaders, text: (m) => m.ui.network.timeout, attributes: { timeout: '1' } },
  { name: 'HTTP 500 with no body', first: () => new HttpResponse(null, { status: 500 }), text: (m) => m.ui.network.http(500) },
  {
    name: 'HTTP 503 as text',
    first: () => new HttpResponse('Service Unavailable', { status: 503, headers: { 'Content-Type': 'text/plain' } }),
    text: (m) => m.ui.network.http(503),
  },
  {
    name: 'HTTP 429',
    first: () => HttpResponse.json({ message: 'Too Many Requests' }, { status: 429, headers: { 'Retry-After': '60' } }),
    text: (m) => m.ui.network.busy,
  },
  {
    name: 'an HTML error page',
    first: () => new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    text: (m) => m.ui.network.http(502),
  },
  { name: 'invalid JSON', first: () => new HttpResponse('{"success": tru', { status: 200 }), text: (m) => m.ui.network.badAnswer },
];

/**
 * Whether a body that errors midway reaches the page as an error. WebKit (2.50) leaves a body
 * from a service worker whose stream errored pending forever, so msw cannot fake a reset there: the
 * reset's test is skipped in such an engine, saying so. (There, requests through the worker after
 * the errored one were seen to hang under load, Try again's among them; the element's deadline
 * bounding a body that never ends is a stall after the headers, tested in every engine.) The probe
 * waits long enough for a loaded machine: an engine that reports the reset does so at once.
 */
let resetReachesPage = true;
async function probeReset(): Promise<boolean> {
  await useNetwork({}, http.post('*/probe-reset', resetMidBody));
  const read = fetch('/probe-reset', { method: 'POST' }).then((response) => response.text()).then(() => 'read', () => 'error');
  return (await Promise.race([read, new Promise((r) => setTimeout(() => r('pending'), 3000))])) === 'error';
}

const fakeable = (fault: Fault) => !fault.fakedReset || resetReachesPage;

/** msw answers the first request with the fault and passes later ones on to the sandbox. */
function faultOnce(fault: Fault) {
  let calls = 0;
  const url = fault.attributes?.['api-url'] ?? `*${SANDBOX_API_URL}`;
  return http.post(url, (info) => (++calls === 1 ? fault.first(info) : undefined));
}

const failureOf = (element: HTMLElement) => element.shadowRoot!.querySelector('.result.failure');

describe('network faults', () => {
  const errors: unknown[] = [];
  const collect = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in event ? event.reason : event.error);
  before(async () => {
    // The crypto chunks are here before any fault (offline would stop them), and the sandbox's
    // libsodium is compiled before it must open Try again's seal under a `timeout` of 1 s.
    await cryptoWarmedUp();
    resetReachesPage = await probeReset();
    window.addEventListener('error', collect);
    window.addEventListener('unhandledrejection', collect);
  });
  after(() => {
    window.removeEventListener('error', collect);
    window.removeEventListener('unhandledrejection', collect);
  });
  afterEach(() => setOffline(false));

  for (const fault of FAULTS) {
    it(`${fault.name}: a localized network failure, then Try again sends the same order`, async function () {
      if (!fakeable(fault)) this.skip(); // see resetReachesPage
      errors.length = 0;
      await useNetwork({}, faultOnce(fault));
      const element = await mountCheckout(fault.attributes);
      const log = recordEvents(element);
      if (fault.offline) setOffline(true);
      const failed = nextEvent(element, 'ktpay:failed');
      void element.open();
      const { detail } = await failed;
      const expected = fault.text(await modalMessages.load('ru'));
      expect(detail).to.deep.include({ source: 'network', code: null, message: expected.message, hint: expected.hint });
      await element.updateComplete;
      expect(failureOf(element)!.querySelector('.message')!.textContent).to.equal(expected.message);
      setOffline(false);

      const retry = failureOf(element)!.querySelector<HTMLButtonElement>('[part~="retry"]');
      expect(retry, 'Try again is offered').to.exist;
      const created = nextCreated(element);
      retry!.click();
      await created;
      expect(sent.length, 'the failed request and the retried one').to.equal(2);
      await waitUntil(() => sent.every((r) => r.body !== ''));
      const orders = await Promise.all(sent.map((r) => openSealed(r.body)));
      for (const order of orders) expect(order).to.deep.equal(orders[0]);
      expect((orders[0] as { order: { order_id: string } }).order.order_id).to.equal(element.orderId);
      expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:failed', 'ktpay:created']);
      // Where the reset never reaches the page (WebKit), msw leaves the probe's error unhandled.
      const ours = errors.filter((error) => resetReachesPage || !(error instanceof Error && error.message.includes(FAKED_RESET)));
      expect(ours, 'no uncaught error').to.deep.equal([]);
      element.close();
    });
  }

  for (const lang of ['kk', 'en'] as Lang[]) {
    it(`speaks ${lang} for every fault`, async () => {
      const words = await modalMessages.load(lang);
      const russian = await modalMessages.load('ru');
      for (const fault of FAULTS.filter((f) => !f.offline && fakeable(f))) {
        await useNetwork({}, faultOnce(fault));
        const element = await mountCheckout({ ...fault.attributes, lang });
        const result = await element.open();
        expect(result, fault.name).to.deep.include({ outcome: 'failed', source: 'network', message: fault.text(words).message });
        expect(fault.text(words).message).not.to.equal(fault.text(russian).message);
        element.remove();
      }
    });
  }
});
