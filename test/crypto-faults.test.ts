import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { modalMessages } from '../src/i18n/load-messages.js';
import { merchantPage, recordEvents, sent, useNetwork, warmedUp } from './helpers.js';

// The element runs on a merchant page in an iframe: that page has its own module map, so its
// request for the libsodium-wrappers module goes out (this page's sandbox already holds one), and
// msw answers it at the fetch boundary with a libsodium whose WebAssembly never finishes starting.
// The page allows no worker, so libsodium loads on its main thread: a worker's own requests need
// not come through this page's service worker in every engine. (The crypto timeout is one deadline
// over either path: sodium.ts.)
const NEVER_READY = http.get(
  /\/libsodium-wrappers\/.*\.m?js/,
  () => new HttpResponse('export default { ready: new Promise(() => {}) };', { headers: { 'Content-Type': 'text/javascript' } }),
);
const NO_WORKERS = `/test/fixtures/preload-page.html?csp=${encodeURIComponent("worker-src 'none'")}`;

describe('libsodium that never becomes ready', () => {
  beforeEach(() => useNetwork({}, NEVER_READY));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('times out after `timeout` seconds with a localized crypto failure, sending nothing', async () => {
    const element = await warmedUp((await merchantPage({ timeout: '0.5' }, NO_WORKERS)).element, { crypto: false });
    const log = recordEvents(element);
    const started = performance.now();
    const result = await element.open();
    const elapsed = performance.now() - started;
    const { ui } = await modalMessages.load('ru');
    expect(result).to.deep.include({ outcome: 'failed', source: 'crypto', code: null, message: ui.crypto.timeout.message });
    expect(elapsed).to.be.within(400, 3000); // it waited for the timeout, and not much longer
    expect(sent).to.have.length(0);
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:failed']);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.result.failure .message')!.textContent).to.equal(ui.crypto.timeout.message);
    expect(element.shadowRoot!.querySelector('[part~="retry"]'), 'a slow network may recover: Try again').to.exist;
  });

  it('says so in English on an English element', async () => {
    const element = await warmedUp((await merchantPage({ timeout: '0.3', lang: 'en' }, NO_WORKERS)).element, { crypto: false });
    const result = await element.open();
    expect(result).to.deep.include({ outcome: 'failed', source: 'crypto', message: (await modalMessages.load('en')).ui.crypto.timeout.message });
  });
});
