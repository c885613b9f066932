import { fixture, html, oneEvent, waitUntil as waitUntilOpenWc } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, passthrough, type RequestHandler } from 'msw';
import '../src/ktpay-checkout.js';
import { loadSealer } from '../src/crypto/sodium.js';
import { sandboxSodium } from '../src/sandbox/sodium.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import type { KtpayEventMap } from '../src/events.js';
import {
  createSandboxHandlers,
  payOnSandboxPage,
  SANDBOX_API_URL,
  SANDBOX_ATTRIBUTES,
  SANDBOX_APP_KEY,
  SANDBOX_SECRET_KEY,
  type SandboxCard,
  type SandboxOptions,
} from '../src/sandbox/index.js';

/** The sandbox's settings as a framework's props (the element's camelCase properties). */
export const SANDBOX_PROPS = {
  appId: SANDBOX_ATTRIBUTES['app-id'],
  appKey: SANDBOX_ATTRIBUTES['app-key'],
  apiUrl: SANDBOX_ATTRIBUTES['api-url'],
  widgetUrl: SANDBOX_ATTRIBUTES['widget-url'],
};

/** What the element put on the wire, as the server received it. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

export const sent: SentRequest[] = [];
const worker = setupWorker();
worker.events.on('request:start', ({ request }) => {
  if (request.method !== 'POST' || !request.url.endsWith('/payment')) return;
  const copy = request.clone();
  const record: SentRequest = { url: request.url, method: request.method, headers: request.headers, body: '' };
  sent.push(record);
  void copy.text().then((body) => (record.body = body));
});
let started: Promise<unknown> | undefined;

/** Starts msw with the sandbox handlers (no delay) plus any overrides; clears the request log. */
export async function useNetwork(options: SandboxOptions = {}, ...overrides: RequestHandler[]): Promise<void> {
  started ??= worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  worker.resetHandlers(...overrides, ...createSandboxHandlers({ delayMs: 0, ...options }));
  sent.length = 0;
}

/**
 * Starts the sandbox network (with `overrides` first), and records each request for the sealing
 * worker's script (by any page of this test, frames included), which then goes through to the
 * test server.
 */
export async function watchSealingWorkers(...overrides: RequestHandler[]): Promise<string[]> {
  const requested: string[] = [];
  await useNetwork(
    {},
    ...overrides,
    http.get(/\/seal-worker\.[jt]s$/, ({ request }) => {
      requested.push(request.url);
      return passthrough();
    }),
  );
  return requested;
}

/** Whether the page in `frame` loaded libsodium itself (its main thread), rather than in the sealing worker. */
export function sealedOnMainThread(frame: HTMLIFrameElement): boolean {
  const entries = frame.contentWindow!.performance.getEntriesByType('resource');
  return entries.some((entry) => /\/libsodium-wrappers|libsodium-sumo/.test(new URL(entry.name).pathname));
}

/** Where the sandbox's receipt of transaction `hash` is: the payment endpoint, the hash, /pdf. */
export const sandboxReceiptUrl = (hash: string) => new URL(`${SANDBOX_API_URL}/${hash}/pdf`, location.href).href;

let orderCounter = 0;
/** A fresh order id per test, so the sandbox never sees a paid order twice by accident. */
export const freshOrderId = () => `T-${Date.now().toString(36)}-${++orderCounter}`;

/** An element on the sandbox with the given attributes added (null removes one). */
export async function mountCheckout(attributes: Record<string, string | null> = {}): Promise<KtpayCheckout> {
  const element = await fixture<KtpayCheckout>(html`<ktpay-checkout></ktpay-checkout>`);
  const all: Record<string, string | null> = { ...SANDBOX_ATTRIBUTES, 'order-id': freshOrderId(), amount: '1500', ...attributes };
  for (const [name, value] of Object.entries(all)) {
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
  await element.updateComplete;
  return element;
}

export function nextEvent<K extends keyof KtpayEventMap>(target: EventTarget, type: K): Promise<CustomEvent<KtpayEventMap[K]>> {
  return oneEvent(target, type) as Promise<CustomEvent<KtpayEventMap[K]>>;
}

/** Records every ktpay:* event the element fires. */
export function recordEvents(target: EventTarget): { type: string; detail: unknown }[] {
  const log: { type: string; detail: unknown }[] = [];
  for (const type of ['ktpay:open', 'ktpay:created', 'ktpay:success', 'ktpay:failed', 'ktpay:close']) {
    target.addEventListener(type, (event) => log.push({ type, detail: (event as CustomEvent).detail }));
  }
  return log;
}

export const shadow = (element: KtpayCheckout) => element.shadowRoot!;
export const dialogOf = (element: KtpayCheckout) => shadow(element).querySelector('dialog');
export const payButton = (element: KtpayCheckout) => shadow(element).querySelector<HTMLButtonElement>('button.pay')!;
export const frameOf = (element: KtpayCheckout) => shadow(element).querySelector<HTMLIFrameElement>('iframe');

/** Opens what the element sealed with the sandbox's secret key, as KTPay would. */
export async function openSealed(body: string): Promise<unknown> {
  // Imported on use, so a test can fake the libsodium module the element loads (see crypto-faults).
  const sodium = (await import('libsodium-wrappers')).default;
  await sodium.ready;
  const v = sodium.base64_variants.ORIGINAL;
  const opened = sodium.crypto_box_seal_open(sodium.from_base64(body, v), sodium.from_base64(SANDBOX_APP_KEY, v), sodium.from_base64(SANDBOX_SECRET_KEY, v));
  return JSON.parse(sodium.to_string(opened));
}

/** Waits until the sandbox payment page in the element's iframe shows its card form. */
export async function sandboxPage(element: KtpayCheckout): Promise<Document> {
  await waitUntil(() => {
    const form = frameOf(element)?.contentDocument?.getElementById('card');
    return form && !form.hidden;
  }, 'the sandbox card form did not appear', { timeout: 15_000 });
  return frameOf(element)!.contentDocument!;
}

/** Pays on the sandbox page as a buyer would: card form, then 3-D Secure. */
export async function payOnSandbox(element: KtpayCheckout, card: SandboxCard = {}): Promise<void> {
  payOnSandboxPage(await sandboxPage(element), card);
}

export { html };

/** Halyk's overlay frame (the ePay sandbox's stand-in, on the body of `page`, by default this one), once its card form shows. */
export async function epayForm(page: Document = document): Promise<Document> {
  const frame = () => page.querySelector<HTMLIFrameElement>('.widget-overlay iframe');
  await waitUntil(() => {
    const card = frame()?.contentDocument?.getElementById('card');
    return card && !card.hidden && card.ownerDocument.readyState === 'complete';
  }, "Halyk's form did not show", { timeout: 15_000 }); // its first load fetches the form's modules unbundled
  return frame()!.contentDocument!;
}

/**
 * open-wc's `waitUntil`, given 10 s by default rather than 1: a page's first Pay loads the modal's
 * code, unbundled in the test runner (up to a second in Firefox and WebKit alone, several in WebKit
 * while another engine shares a two-core machine). A bound against hanging, not a speed claim.
 */
export function waitUntil(predicate: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> {
  return waitUntilOpenWc(predicate, message, { timeout: 10_000, ...options });
}

/** The element on the merchant page loaded in `frame`, given the sandbox attributes and `attributes`. */
export async function checkoutIn(frame: HTMLIFrameElement, attributes: Record<string, string>): Promise<KtpayCheckout> {
  const page = frame.contentWindow!;
  await page.customElements.whenDefined('ktpay-checkout');
  const element = page.document.querySelector('ktpay-checkout') as KtpayCheckout;
  for (const [name, value] of Object.entries({ ...SANDBOX_ATTRIBUTES, ...attributes })) element.setAttribute(name, value);
  await element.updateComplete;
  return element;
}

/** Loads `url` in `frame` and waits for it. */
export async function loadInto(frame: HTMLIFrameElement, url: string): Promise<void> {
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  if (!frame.isConnected) {
    frame.src = url;
    document.body.append(frame);
  } else {
    frame.contentWindow!.location.href = url;
  }
  await loaded;
}

/**
 * What a merchant page in a frame loads ahead of Pay: at intent, not as soon as it shows (the
 * default, tested in preload.test.ts). Each such page (and each page returned to) would otherwise
 * start libsodium in a worker of its own, unbundled, whether its test pays or not; late in a full
 * WebKit run, files with many of them slowed into timeouts.
 */
export const MERCHANT_PAGE_PRELOAD = { preload: 'intent' };

/**
 * A merchant page in an iframe of the test page, with its own module map and its own address, so
 * a redirect is a real navigation we can watch (the test page itself must not leave).
 */
export async function merchantPage(attributes: Record<string, string> = {}, page = '/test/fixtures/merchant-page.html') {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px';
  await loadInto(frame, page);
  const element = await checkoutIn(frame, { 'order-id': freshOrderId(), amount: '990', ...MERCHANT_PAGE_PRELOAD, ...attributes });
  return { frame, element, landedAt: () => (frame.contentWindow?.location.href ?? '') };
}

/** Runs a script inside the payment iframe, so the message's source really is that frame. */
export function postFromFrame(element: KtpayCheckout, message: unknown): void {
  const frameWindow = frameOf(element)!.contentWindow as Window & typeof globalThis;
  new frameWindow.Function('m', 'parent.postMessage(m, "*")')(message);
}

/**
 * The crypto a test page's first sealed attempt waits for: the element's sealer (its worker,
 * started once per page) and the sandbox's own libsodium (the fake KTPay, in this test page, opens
 * each seal on the main thread). Loaded ahead, neither races a short `timeout` under test.
 */
export const cryptoWarmedUp = (): Promise<unknown> => Promise.all([loadSealer(), sandboxSodium()]);

/**
 * Loads what a page's first Pay waits for before the attempt under test: the modal's code (an
 * attempt with a bad amount needs nothing else, under a generous `timeout`) and, with `crypto`, the
 * sealer (the element's sealing worker, started once per page) and the sandbox's own libsodium (the
 * fake KTPay, which runs in this test page whatever page pays, opens each seal on the main thread).
 * On a page of its own in a frame, an attempt that reaches KTPay does both, then is closed and left
 * out of `sent`. In the test runner that is tens of unbundled modules and WebAssembly compiles, a
 * second or more in Firefox and WebKit with three engines at work, which a `timeout` of a second
 * or two, set to test another wait, would not cover: the first create of a file raced it in WebKit.
 */
export async function warmedUp<T extends KtpayCheckout>(element: T, { crypto = true } = {}): Promise<T> {
  const { amount, timeout } = element;
  Object.assign(element, { amount: '-1', timeout: '60' });
  await element.open();
  element.close();
  Object.assign(element, { amount });
  if (crypto && element.ownerDocument === document) {
    await cryptoWarmedUp();
  } else if (crypto) {
    const created = nextCreated(element);
    void element.open();
    await created;
    element.close();
    sent.length = 0;
  }
  Object.assign(element, { timeout });
  await element.updateComplete;
  return element;
}

/**
 * The attempt's `ktpay:created`; if `ktpay:failed` comes first, a rejection that says why, at once,
 * rather than a test that waits out its bound in silence.
 */
export function nextCreated(element: KtpayCheckout): Promise<CustomEvent<KtpayEventMap['ktpay:created']>> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const { signal } = controller;
    element.addEventListener('ktpay:created', (event) => (controller.abort(), resolve(event)), { signal });
    element.addEventListener(
      'ktpay:failed',
      ({ detail }) => (controller.abort(), reject(new Error(`ktpay:failed before ktpay:created: ${JSON.stringify(detail)}`))),
      { signal },
    );
  });
}

/** Waits until the payment page is shown to the buyer (loaded and revealed in the modal). */
export async function pageShown(element: KtpayCheckout): Promise<void> {
  await sandboxPage(element);
  await waitUntil(() => frameOf(element)?.classList.contains('pending') === false, 'the payment page was never revealed');
}

/** An element on the sandbox with its payment page shown in the iframe, its events recorded. */
export async function payingElement(attributes: Record<string, string> = {}) {
  const element = await mountCheckout(attributes);
  const log = recordEvents(element);
  const created = nextEvent(element, 'ktpay:created');
  const result = element.open();
  const { transactionHash } = (await created).detail;
  await pageShown(element);
  return { element, log, result, orderId: element.orderId!, transactionHash: transactionHash! };
}
