// The single file for a <script type="module"> tag (dist/ktpay-checkout.js), as a page without a
// bundler loads it from a static server: it registers the element, draws the button, and loads the
// modal's chunk and the sealing worker from beside it (the button on screen, the browser idle).
// In Chromium, Firefox and WebKit, against the built dist/.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { test } from 'node:test';
import { engines } from './browsers.mjs';
import { SANDBOX_APP_KEY } from 'ktpay-checkout/sandbox';
import { openSealed, serve } from './server-helpers.mjs';

const dist = new URL('../../dist/', import.meta.url);
// Errors are collected by the page itself, so every engine reports them the same way.
const merchantPage = (origin) => `<!doctype html><html lang="kk"><meta charset="utf-8">
<script>window.errors = []; addEventListener('error', (e) => errors.push(e.message)); addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));</script>
<script type="module" src="/dist/ktpay-checkout.js"></script>
<ktpay-checkout app-id="a" app-key="${SANDBOX_APP_KEY}" order-id="S-1" amount="-5"></ktpay-checkout>
<ktpay-checkout id="paying" app-id="a" app-key="${SANDBOX_APP_KEY}" api-url="${origin}/api" widget-url="${origin}" order-id="S-2" amount="1500"></ktpay-checkout>`;
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };


/**
 * The merchant's static server: the page, dist/ beside it, and KTPay's API, whose orders it keeps.
 * `wasmFailures`: how many requests for libsodium's WebAssembly file get a 404 first.
 */
async function merchantServer(t, { wasmFailures = 0 } = {}) {
  const requested = [];
  const orders = [];
  const origin = await serve(t, async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    requested.push(path);
    const origin = `http://${request.headers.host}`;
    if (path === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(merchantPage(origin));
    if (path === '/api') {
      let body = '';
      for await (const chunk of request) body += chunk;
      orders.push(body);
      const answer = { success: true, payload: { transaction_hash: 'h', url: `${origin}/payment-card?hash=h` } };
      return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    }
    if (path === '/payment-card') return response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>payment page</title>');
    if (path.endsWith('.wasm') && wasmFailures-- > 0) return response.writeHead(404).end();
    try {
      const body = await readFile(new URL(path.replace(/^\/dist\//, ''), dist));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return { origin, requested, orders };
}

/** Taps Pay on the page's second element, and opens the one order KTPay got. */
async function pay(page, orders) {
  await page.evaluate(() => document.querySelector('#paying').shadowRoot.querySelector('button.pay').click());
  for (let i = 0; i < 400 && orders.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.equal(orders.length, 1, 'no order sent');
  return (await openSealed(orders[0])).order;
}

/** The paths asked for of libsodium's files, their hashes starred. */
const libsodiumRequests = (requested) => requested.filter((path) => /libsodium/.test(path)).map((path) => path.replace(/-[\w-]{8}\./, '-*.'));

for (const { name, open } of engines()) {
  test(`a page with only the script tag gets a working element (${name})`, async (t) => {
    const { origin, requested, orders } = await merchantServer(t);
    const page = await open();
    t.after(() => page.close());
    await page.goto(origin);
    const label = await page.evaluate(async () => {
      const element = document.querySelector('ktpay-checkout');
      await customElements.whenDefined('ktpay-checkout');
      for (let i = 0; i < 200; i++) {
        // The label stays hidden (class "loading") until the page's language has loaded.
        const label = element?.shadowRoot?.querySelector('button.pay .label:not(.loading)');
        const text = label?.textContent?.trim();
        if (text) return text;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return '';
    });
    assert.equal(label, 'Төлеу');
    // The button is on screen: once the browser is idle, the modal's chunk and the sealing worker
    // (libsodium inside) load from beside the script; the page's own thread never loads libsodium.
    for (let i = 0; i < 200 && !['checkout-modal', 'seal-worker'].every((name) => requested.some((path) => path.includes(name))); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(requested.some((path) => /^\/dist\/checkout-modal-[\w-]+\.js$/.test(path)), `no modal chunk preloaded: ${requested}`);
    assert.ok(requested.some((path) => /^\/dist\/seal-worker-[\w-]+\.js$/.test(path)), `no sealing worker beside the script: ${requested}`);
    assert.ok(!requested.some((path) => /libsodium.*\.js$/.test(path)), 'the page loaded libsodium on its main thread');

    const { detail, dialogOpen } = await page.evaluate(async () => {
      const element = document.querySelector('ktpay-checkout');
      const failed = new Promise((resolve) => document.addEventListener('ktpay:failed', (event) => resolve(event.detail), { once: true }));
      element.shadowRoot.querySelector('button.pay').click();
      const detail = await failed;
      await element.updateComplete;
      return { detail, dialogOpen: element.shadowRoot.querySelector('dialog').open };
    });
    assert.equal(detail.source, 'validation');
    assert.deepEqual(Object.keys(detail.fields), ['amount']);
    assert.ok(requested.some((path) => /checkout-modal/.test(path)), 'the modal chunk did not load');
    assert.equal(dialogOpen, true);

    // Pay: sealed in the worker, with libsodium's WebAssembly from the file beside it, fetched once.
    assert.equal((await pay(page, orders)).order_id, 'S-2');
    assert.deepEqual(libsodiumRequests(requested), ['/dist/libsodium-*.wasm'], "libsodium came otherwise than as the worker's WebAssembly file, once");
    assert.deepEqual(await page.evaluate(() => window.errors), []);
  });

  // The page fetches libsodium's WebAssembly for the worker; if it cannot (a CSP's connect-src, a
  // failed request), the worker asks itself; if that fails too, the worker says so at once and
  // the page seals with libsodium's own chunk (its WebAssembly inside), without waiting out a limit.
  for (const [failures, how, expected] of [
    [1, 'the worker fetches it itself', ['/dist/libsodium-*.wasm', '/dist/libsodium-*.wasm']],
    [2, "the order is sealed on the page's thread", ['/dist/libsodium-*.wasm', '/dist/libsodium-*.wasm', '/dist/libsodium-wrappers-*.js']],
  ]) {
    test(`libsodium's WebAssembly file fails ${failures} time(s): ${how} (${name})`, async (t) => {
      const { origin, requested, orders } = await merchantServer(t, { wasmFailures: failures });
      const page = await open();
      t.after(() => page.close());
      await page.goto(origin);
      assert.equal((await pay(page, orders)).order_id, 'S-2');
      assert.deepEqual(libsodiumRequests(requested), expected);
      assert.deepEqual(await page.evaluate(() => window.errors), []);
    });
  }
}

// A first tap on a page that just loaded waits for the modal's chunk before anything else can
// start (the sealing worker among it): that chunk must need nothing but the script itself, or each
// static import is one more round trip in a row (150 ms on a phone). Nor may a language's words
// depend on the modal's chunk being fetched first through a helper chunk.
test('the script-tag build: the modal chunk, the sealing worker start and the words chunks import nothing but what is already loaded; libsodium\'s WebAssembly is a file beside the worker', async () => {
  const { importsOf } = await import('../../tools/bundle-graph.mjs');
  const dir = new URL('.', dist).pathname;
  const { lazy } = importsOf(dir, 'ktpay-checkout.js');
  const modal = lazy.find((file) => file.startsWith('checkout-modal-'));
  assert.ok(modal, `ktpay-checkout.js loads no modal chunk: ${lazy}`);
  assert.deepEqual(importsOf(dir, modal).initial, ['ktpay-checkout.js'], `${modal} imports more than the script`);
  // The modal's code all runs at Pay, the script's as the button is drawn: each is compiled as it
  // loads, not one function at a time in those tasks (vite.config.ts, compileHint).
  const entryCode = await readFile(new URL('ktpay-checkout.js', dist), 'utf8');
  for (const [file, code] of [[modal, await readFile(new URL(modal, dist), 'utf8')], ['ktpay-checkout.js', entryCode]]) {
    assert.match(code, /^\/\/# allFunctionsCalledOnLoad\n/, `${file} lost V8's compile hint`);
  }
  // The sealing worker's start, fetched on intent beside the modal's code: one request, no helper.
  const starts = lazy.find((file) => file.startsWith('script-starts-'));
  assert.ok(starts, `ktpay-checkout.js does not start the sealing worker from a chunk of its own: ${lazy}`);
  assert.deepEqual(importsOf(dir, starts).initial.filter((file) => file !== 'ktpay-checkout.js'), [], `${starts} imports a chunk of its own`);
  // The worker it starts carries libsodium's code, not its WebAssembly: that is a file beside it,
  // which the script itself starts fetching on intent, beside the start chunk rather than after
  // it, and hands to the worker (tools/libsodium-wasm-file.ts, crypto/libsodium-wasm-file.ts).
  const [worker] = (await readFile(new URL(starts, dist), 'utf8')).match(/seal-worker-[\w-]+\.js/) ?? [];
  const [wasm] = entryCode.match(/libsodium-[\w-]+\.wasm/) ?? [];
  assert.ok(worker, `${starts} names no sealing worker`);
  assert.ok(wasm, 'ktpay-checkout.js names no WebAssembly file');
  assert.doesNotMatch(await readFile(new URL(worker, dist), 'utf8'), /AGFzbQ/, `${worker} still holds libsodium's WebAssembly`);
  assert.ok(WebAssembly.validate(await readFile(new URL(wasm, dist))), `${wasm} is not WebAssembly`);
  for (const words of importsOf(dir, modal).lazy.filter((file) => file.startsWith('messages-'))) {
    assert.deepEqual(importsOf(dir, words).initial.filter((file) => file !== 'ktpay-checkout.js' && file !== modal), [], `${words} imports a chunk of its own`);
  }
});

// The translators' notes (`desc` in the messages' options) are for lit-localize's XLIFF files: the
// button's two were a tenth of a kilobyte of the initial path (tools/strip-translator-notes.ts).
test("the built words carry no translators' notes, on the initial path or in the modal's chunk", async () => {
  const { importsOf } = await import('../../tools/bundle-graph.mjs');
  const dir = new URL('.', dist).pathname;
  const modal = importsOf(dir, 'ktpay-checkout.js').lazy.find((file) => file.startsWith('checkout-modal-'));
  for (const file of ['ktpay-checkout.js', modal]) {
    const code = await readFile(new URL(file, dist), 'utf8');
    assert.match(code, /ui\.pay|ui\.title/, `${file} has no words to look at`);
    assert.doesNotMatch(code, /\bdesc:/, `${file} ships a translators' note`);
  }
});
