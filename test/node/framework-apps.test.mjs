// Merchants' apps as they are really built: the package installed from its packed tarball into a
// Next.js 16 App Router app (Turbopack, its default, and webpack), a Vite + React app and an
// Angular CLI app (esbuild), each built by its own bundler, served, and paid in Chromium. In each,
// the sealing worker must start on the page's origin and seal the order, and libsodium must never
// load on the page's main thread. The Next.js app's route handlers are the server's `.fetch`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright';
import { ktpayCallbackUrl } from 'ktpay-checkout/server';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tools/engines.js';
import { BUILD_MS, builtApp, NEXT_SERVER_ENV } from '../../tools/merchant-apps.mjs';
import { deliver, fixture, openSealed } from './server-helpers.mjs';

const STAND_IN_API = '/stand-in/ktpay/payment';
/** From the click to the order at KTPay's stand-in: the worker's start and seal (a second or two). */
const PAY_MS = 30_000;
/** Only libsodium has this name in it: the element's own code calls crypto_box_seal, never its opening. */
const LIBSODIUM_MARK = 'crypto_box_seal_open';

/** App `name` of tools/merchant-apps.mjs, built and served until the test ends. */
async function app(t, name) {
  const { origin, stop } = await builtApp(name);
  t.after(stop);
  return origin;
}


/**
 * The page at `origin` in Chromium, paid: the button clicked once the element has its properties.
 * Gives the sealed order KTPay's stand-in received (opened), the workers the page started, the
 * scripts its main thread ran that hold libsodium, and what its console said.
 */
async function payIn(origin) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const console = [];
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
    const workers = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    let sent;
    const received = new Promise((resolve) => (sent = resolve));
    await page.route(`**${STAND_IN_API}`, async (route) => {
      sent(route.request().postData() ?? '');
      await route.fulfill({ status: 503, body: '' });
    });
    await page.goto(origin);
    // Hydrated (React) or bound (Angular): the element has its key as a property.
    await page.waitForFunction(() => document.querySelector('ktpay-checkout')?.appKey);
    await page.locator('ktpay-checkout button.pay').click();
    let timer;
    const sealed = await Promise.race([
      received,
      new Promise((_, reject) => {
        const why = () => `no order reached KTPay's stand-in within ${PAY_MS / 1000} s of the click: workers ${JSON.stringify(workers)}; console:\n${console.join('\n')}`;
        timer = setTimeout(() => reject(new Error(why())), PAY_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.m?js(\?|$)/.test(new URL(name).pathname)),
    );
    // The page fetched the worker's own script too (its timing lists it); the worker runs that one.
    const withLibsodium = [];
    for (const script of scripts.filter((url) => !workers.includes(url))) {
      if ((await (await fetch(script)).text()).includes(LIBSODIUM_MARK)) withLibsodium.push(script);
    }
    return { order: await openSealed(sealed), workers, withLibsodium, console };
  } finally {
    await browser.close();
  }
}

/** The checks every app must pass once paid: the worker started on its origin, sealed, and no libsodium on the main thread. */
function assertSealedInWorker(origin, { order, workers, withLibsodium, console }, { orderId, amount }) {
  const sealingWorkers = workers.filter((url) => /seal-worker/.test(url));
  assert.equal(sealingWorkers.length, 1, `the sealing worker did not start: workers ${JSON.stringify(workers)}; console:\n${console.join('\n')}`);
  assert.equal(new URL(sealingWorkers[0]).origin, origin, 'the worker is not on the page\'s origin');
  assert.deepEqual(withLibsodium, [], 'the page\'s main thread loaded libsodium');
  assert.ok(!console.some((line) => /sealing worker did not start/.test(line)), console.join('\n'));
  assert.equal(order.order.order_id, orderId);
  assert.equal(order.order.amount, amount);
}

for (const bundler of ['turbopack', 'webpack']) {
  test(`Next.js 16 (${bundler}): rendered on the server, hydrated, sealed in the worker; route handlers take KTPay's callback and ePay's postLink`, { timeout: BUILD_MS }, async (t) => {
    const origin = await app(t, `next-${bundler}`);

    const html = await (await fetch(origin)).text();
    assert.match(html, /<ktpay-checkout[^>]*>[^<]*Оплатить/, 'the server did not render the element and its label');

    const paid = await payIn(origin);
    assert.deepEqual(paid.console.filter((line) => /hydrat|did not match|pageerror/i.test(line)), []);
    assertSealedInWorker(origin, paid, { orderId: 'N-1001', amount: 990 });

    // KTPay's callback, to the URL with the order's token; a repeat; a body that is not one.
    const callback = fixture('ktpay-callback-completed');
    const url = await ktpayCallbackUrl(`${origin}/api/ktpay/callback`, String(callback.order_id), NEXT_SERVER_ENV.KTPAY_CALLBACK_SECRET);
    for (let i = 0; i < 2; i++) {
      const answer = await deliver(url, callback);
      assert.deepEqual([answer.status, answer.text], [200, '{"status":"ok"}']);
    }
    assert.equal((await deliver(url, '{"order_id":')).status, 400);
    assert.equal((await deliver(`${origin}/api/ktpay/callback`, callback)).status, 403, 'a callback without its token');
    // ePay's postLink, carrying the secret_hash the shop issued.
    const postLink = { ...fixture('epay-post-link-success'), secret_hash: NEXT_SERVER_ENV.EPAY_SECRET_HASH };
    assert.equal((await deliver(`${origin}/api/epay/post-link`, postLink)).status, 200);
    assert.equal((await deliver(`${origin}/api/epay/post-link`, { ...postLink, secret_hash: 'forged' })).status, 403);
    const results = await (await fetch(`${origin}/api/results`)).json();
    assert.deepEqual(results, [
      { from: 'ktpay', orderId: String(callback.order_id), status: callback.status.status },
      { from: 'epay', invoiceId: postLink.invoiceId, code: postLink.code },
    ]);
  });
}

test('Vite + React: built, loaded, sealed in the worker', { timeout: BUILD_MS }, async (t) => {
  const origin = await app(t, 'vite-react');
  assertSealedInWorker(origin, await payIn(origin), { orderId: 'V-1001', amount: 990 });
});

test('Angular CLI (esbuild): built, loaded, sealed in the worker (the worker file copied by one assets entry)', { timeout: BUILD_MS }, async (t) => {
  const origin = await app(t, 'angular-cli');
  assertSealedInWorker(origin, await payIn(origin), { orderId: 'A-1001', amount: 990 });
});
