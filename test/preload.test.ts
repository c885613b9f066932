import { expect } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { pageWorkerUrl } from '../src/core/script-starts.js';
import {
  checkoutIn,
  freshOrderId,
  loadInto,
  nextEvent,
  payButton,
  recordEvents,
  sealedOnMainThread,
  sent,
  waitUntil,
  watchSealingWorkers,
} from './helpers.js';

// What loads before Pay, on a merchant page of its own (its own modules, its own sealing worker):
// the modal's code and the sealing worker once the button is on screen and the browser idle, unless
// the buyer saves data or the merchant chose otherwise; and where the seal is made.

const MODAL_CODE = /\/element\/modal\/checkout-modal\./;
/** Long enough for an idle callback on a page that has finished loading; what a test waits before saying «nothing». */
const QUIET_MS = 1500;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page in a frame, with what it asks for in `query`; what it fetched and which sealing workers were asked for. */
async function merchantPageWith(query: string, options: { workers?: Promise<string[]> } = {}) {
  const workers = await (options.workers ?? watchSealingWorkers());
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  await loadInto(frame, `/test/fixtures/preload-page.html?${query}`);
  // What the merchant's console says: the page's own console, wrapped before anything is sealed.
  const warnings: string[] = [];
  const { console: pageConsole } = frame.contentWindow as Window & typeof globalThis;
  const warn = pageConsole.warn.bind(pageConsole);
  pageConsole.warn = (...args: unknown[]) => (warnings.push(args.map(String).join(' ')), warn(...args));
  const element = await checkoutIn(frame, { 'order-id': freshOrderId(), amount: '990' });
  const fetched = (pattern: RegExp) =>
    frame.contentWindow!.performance.getEntriesByType('resource').some((entry) => pattern.test(new URL(entry.name).pathname));
  return { frame, element, workers, warnings, modalLoaded: () => fetched(MODAL_CODE) };
}

/** The one line a page's console gets when the worker did not start. */
const MAIN_THREAD_LINE = /^ktpay-checkout: the sealing worker did not start, so orders are sealed on the page's main thread: .+\.$/;

// First in the file: Chromium serves a module that an earlier frame of this page loaded from its
// memory cache, without asking the service worker, so the modal's code could not be held back.
describe('the sealing worker on intent', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("on intent, the sealing worker starts beside the modal's code, not after it; Pay seals in that one", async () => {
    // The modal's code held back, as on a slow network: the worker (libsodium's download, the
    // longest part of a first tap) must not wait for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const workers = watchSealingWorkers(http.get(MODAL_CODE, async () => ((held = true), await released, passthrough())));
    const { frame, element, modalLoaded } = await merchantPageWith('preload=intent', { workers });
    const started = await workers;
    payButton(element).dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => started.length === 1, "the sealing worker waited for the modal's code", { timeout: 10_000 });
    expect({ held, loaded: modalLoaded() }, "the modal's code, held back").to.deep.equal({ held: true, loaded: false });
    release();
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect({ workers: started.length, mainThread: sealedOnMainThread(frame), sent: sent.length }).to.deep.equal({ workers: 1, mainThread: false, sent: 1 });
  });

});

describe('preloading', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('a button on screen: the modal and the sealing worker load while the browser is idle, with no sign of intent', async () => {
    const { element, workers, modalLoaded } = await merchantPageWith('');
    const log = recordEvents(element);
    await waitUntil(() => modalLoaded() && workers.length === 1, 'nothing preloaded for a button on screen', { timeout: 10_000 });
    // Preparing (the Pay's code run once, with nothing kept) is invisible: no event, no request, no modal.
    await settle(QUIET_MS);
    expect({ events: log.map((event) => event.type), sent: sent.length }).to.deep.equal({ events: [], sent: 0 });
    expect(element.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('a button off screen: nothing loads, until it is scrolled into view', async () => {
    const { element, workers, modalLoaded } = await merchantPageWith('offscreen');
    await settle(QUIET_MS);
    expect({ modal: modalLoaded(), workers: workers.length }).to.deep.equal({ modal: false, workers: 0 });
    element.scrollIntoView();
    await waitUntil(() => modalLoaded() && workers.length === 1, 'nothing preloaded once on screen', { timeout: 10_000 });
  });

  // Nothing before intent, for either reason; the buyer's intent then loads it all.
  for (const [query, why] of [
    ['save-data', 'Save-Data: nothing loads for a button on screen'],
    ['preload=intent', 'preload="intent": nothing loads for a button on screen'],
  ] as const) {
    it(`${why}, until the pointer reaches the button`, async () => {
      const { element, workers, modalLoaded } = await merchantPageWith(query);
      await settle(QUIET_MS);
      expect({ modal: modalLoaded(), workers: workers.length }).to.deep.equal({ modal: false, workers: 0 });
      payButton(element).dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(() => modalLoaded() && workers.length === 1, 'nothing loaded on intent', { timeout: 10_000 });
    });
  }

  it('provider="epay": intent starts no sealing worker (ePay seals nothing in the page)', async () => {
    const { element, workers, modalLoaded } = await merchantPageWith('preload=intent');
    element.setAttribute('provider', 'epay');
    payButton(element).dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(modalLoaded, 'nothing loaded on intent', { timeout: 10_000 });
    await settle(QUIET_MS);
    expect(workers).to.deep.equal([]);
  });

  it('preload="none": not even on intent; Pay loads what it needs and pays', async () => {
    const { element, workers, modalLoaded } = await merchantPageWith('preload=none');
    payButton(element).dispatchEvent(new PointerEvent('pointerenter'));
    payButton(element).dispatchEvent(new FocusEvent('focus'));
    await settle(QUIET_MS);
    expect({ modal: modalLoaded(), workers: workers.length }).to.deep.equal({ modal: false, workers: 0 });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(workers).to.have.length(1);
    expect(sent).to.have.length(1);
  });
});

describe('where the order is sealed', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('in the worker: the page’s main thread never loads libsodium', async () => {
    const { frame, element, workers, warnings } = await merchantPageWith('preload=intent');
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(workers).to.have.length(1);
    expect(sealedOnMainThread(frame)).to.equal(false);
    expect(sent).to.have.length(1);
    expect(warnings).to.deep.equal([]);
  });

  it("a CSP that forbids workers: sealed on the main thread, and paid", async () => {
    const { frame, element, workers, warnings } = await merchantPageWith(`csp=${encodeURIComponent("worker-src 'none'")}`);
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(workers, 'the worker was never fetched').to.deep.equal([]);
    expect(sealedOnMainThread(frame)).to.equal(true);
    expect(sent).to.have.length(1);
    // One line, naming the worker's file.
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(MAIN_THREAD_LINE).and.contain('seal-worker');
  });

  it("the worker's script does not load: sealed on the main thread, and paid", async () => {
    const asked: string[] = [];
    const workers = watchSealingWorkers(
      http.get(/\/seal-worker\.[jt]s$/, ({ request }) => (asked.push(request.url), new HttpResponse(null, { status: 404 }))),
    );
    const { frame, element, warnings } = await merchantPageWith('preload=intent', { workers });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(asked, 'the worker was asked for').to.have.length(1);
    expect(sealedOnMainThread(frame)).to.equal(true);
    expect(sent).to.have.length(1);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(MAIN_THREAD_LINE).and.contain(`its script ${asked[0]} did not load`);
  });

  it("a bundler's file: URL for the worker (Next.js's Turbopack) is taken as a path on the page's server", () => {
    const page = 'https://shop.example/checkout/cart?step=2';
    const turbopack = new URL('/_next/static/media/seal-worker.0a1b2c3d.js', 'file:///');
    expect(pageWorkerUrl(turbopack, page).href).to.equal('https://shop.example/_next/static/media/seal-worker.0a1b2c3d.js');
    // Any other URL is the bundler's to give: kept as it is (another origin fails, and says so).
    for (const given of ['https://shop.example/assets/seal-worker-x.js', 'https://cdn.example/seal-worker-x.js', 'blob:https://shop.example/1']) {
      expect(pageWorkerUrl(new URL(given), page).href).to.equal(given);
    }
  });
});
