#!/usr/bin/env node
// `npm run bench`: what <ktpay-checkout> costs a page, measured on the built script-tag bundle
// (dist/ktpay-checkout.js) in headless Chromium on a local server. Prints tables and writes them as
// JSON (dist/bench.json, or --json FILE). Figures only: it asserts nothing about time.
//
//   node tools/bench.mjs [--profile desktop|phone|both] [--runs 7] [--cpu N] [--latency 0]
//                        [--preload visible|intent|none] [--json FILE]
//
// --profile phone emulates what Lighthouse calls a mobile device: the CPU 4× slower, every request
// (chunks and a worker's included) 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, a 412×823
// touch screen; desktop (the default) throttles nothing; both runs desktop, then phone. --cpu N
// overrides the profile's CPU slowdown; --latency MS delays the stand-in API's answer (on top of
// the network's round trip); --preload sets the elements' `preload` attribute (absent: none).
// Run `npm run build` first (`npm run bench` does).
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { buildApp, initialPath, kB, reachable, sizeOf, sizeOfAll } from './bundle-graph.mjs';
import { PROFILES } from './bench-profiles.mjs';

const { values: args } = parseArgs({
  options: {
    profile: { type: 'string', default: 'desktop' },
    runs: { type: 'string', default: '7' },
    cpu: { type: 'string' },
    latency: { type: 'string', default: '0' },
    preload: { type: 'string' },
    json: { type: 'string', default: 'dist/bench.json' },
  },
});

const PROFILE_NAMES = args.profile === 'both' ? ['desktop', 'phone'] : [args.profile];
if (!PROFILE_NAMES.every((name) => PROFILES[name])) {
  console.error(`--profile ${args.profile}: desktop, phone or both.`);
  process.exit(1);
}
if (args.preload !== undefined && !/^[\w-]+$/.test(args.preload)) {
  console.error(`--preload ${args.preload}: a word such as visible, intent or none.`);
  process.exit(1);
}
const RUNS = Number(args.runs);
const API_LATENCY_MS = Number(args.latency);
/** How long the page stays idle on screen, button visible, before the "idle" tap. */
const IDLE_MS = 6000;
const DIST = resolve('dist');
const ENTRY = 'ktpay-checkout.js';
if (!existsSync(join(DIST, ENTRY))) {
  console.error('dist/ktpay-checkout.js is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(1);
}
const { createKtpaySealHandler } = await import(pathToFileURL(join(DIST, 'server.js')).href);

// ---- the local site: the bundle, a merchant page with N buttons, a peer's page, a stand-in API and payment page

const APP_KEY = 'bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04='; // the sandbox's public key
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };

/**
 * The yardstick for rendering: the smallest Lit element with a button, built the same way, so the
 * figures say what <ktpay-checkout> adds to what Lit itself costs on this machine.
 */
const LIT_BASELINE = (
  await buildApp(
    "import { LitElement, html, css } from 'lit';\n" +
      "customElements.define('ktpay-checkout', class extends LitElement { static styles = css`button{font:inherit}`; render() { return html`<button>Pay</button>`; } });",
  )
).find((chunk) => chunk.isEntry).code;

/**
 * The peer: a page as the published KTPay client has it, libsodium-wrappers loaded with the page
 * and the order sealed on the tap (a tap before libsodium is ready waits for it, as the client
 * does), then the payment page in a frame. The order is the element's, in size and fields.
 */
const PEER_APP = (
  await buildApp(`import sodium from 'libsodium-wrappers';
const button = Object.assign(document.createElement('button'), { id: 'pay', textContent: 'Оплатить' });
button.addEventListener('click', async () => {
  await sodium.ready;
  const nonce = crypto.randomUUID().replaceAll('-', '').slice(0, 16);
  const own = (outcome) => location.origin + location.pathname + '?ktpay-checkout=' + outcome + '.' + nonce;
  const order = { order: { order_id: 'bench-0', amount: 1500, type: 'ecom', callback_success_url: own('success'), callback_failed_url: own('failed') } };
  const key = sodium.from_base64(${JSON.stringify(APP_KEY)}, sodium.base64_variants.ORIGINAL);
  const body = sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(JSON.stringify(order)), key), sodium.base64_variants.ORIGINAL);
  const response = await fetch('/api', { method: 'POST', headers: { 'Auth-Identifier': 'bench', 'Content-Type': 'text/plain' }, body, cache: 'no-store', credentials: 'omit' });
  const frame = Object.assign(document.createElement('iframe'), { src: (await response.json()).payload.url });
  frame.addEventListener('load', () => (bench.frameLoaded = true));
  document.body.append(frame);
});
document.body.append(button);
bench.rendered = { sinceNavigation: performance.now() };
await sodium.ready;
bench.ready = performance.now();
`)
).find((chunk) => chunk.isEntry).code;

/**
 * Recorded from the page's start: long tasks, the first touch and click on the pay button, and
 * when the payment page shows (the first animation frame once `shown` holds). `button` finds the
 * pay button, for the bench to tap.
 */
const recorder = ({ button, shown }) => `<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
  window.bench = { longTasks: [], payButton: () => ${button} };
  new PerformanceObserver((list) => {
    // in: whose the task was, as the browser tells: the page's own (self) or a frame's (the payment page's).
    for (const task of list.getEntries()) bench.longTasks.push({ start: task.startTime, duration: task.duration, in: task.name });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('touchstart', (event) => {
    if (bench.touch === undefined && !event.target.id?.startsWith('bare')) bench.touch = event.timeStamp;
  }, { capture: true, passive: true });
  // The click's time, and little else in the tap's own handling: the plain button's tap, which
  // returns here, must not be spared work that the pay button's would pay (the frame watch's first
  // run was up to 1.5 ms on the phone profile). The frames are watched from the task after.
  addEventListener('click', (event) => {
    if (bench.click !== undefined || event.target.id?.startsWith('bare')) return;
    bench.click = event.timeStamp;
    setTimeout(watchFrames, 0, performance.now());
  }, true);
  /** Watches the frames from \`last\` (the click) on, until the payment page shows. */
  function watchFrames(last) {
    bench.longestFrame = 0;
    requestAnimationFrame(function watch(now) {
      bench.longestFrame = Math.max(bench.longestFrame, now - last);
      last = now;
      if (${shown}) bench.shown = performance.now();
      else requestAnimationFrame(watch);
    });
  }
</script>`;

/** `sealed`: the order is sealed on the merchant's server (`seal-url`), not in the page. */
function merchantPage(origin, count, lang, entry = `/dist/${ENTRY}`, sealed = false) {
  const preload = args.preload === undefined ? '' : ` preload="${args.preload}"`;
  const key = sealed ? 'seal-url="/seal"' : `app-key="${APP_KEY}"`;
  const buttons = Array.from(
    { length: count },
    (_, i) => `<ktpay-checkout app-id="bench" ${key} api-url="${origin}/api" widget-url="${origin}"
      order-id="bench-${i}" amount="1500"${preload}></ktpay-checkout>`,
  ).join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>bench</title>
${recorder({
  button: "document.querySelector('ktpay-checkout').shadowRoot.querySelector('button')",
  shown: `document.querySelector('ktpay-checkout').shadowRoot.querySelector('iframe[part~="payment-frame"]:not(.pending)')`,
})}</head><body>
<button id="bare-first">bare fetch (first)</button> <button id="bare">bare fetch</button>
<script>
  // The baseline: a plain button whose click does the same request and, when asked, shows the
  // payment page it names in a frame, and nothing else. Two of them: the first request of a page
  // pays for setting its connection up, and the timed tap is the first on its button, as the pay
  // button's is (hover and focus move to it, with their events and styles).
  const bare = async (event) => {
    bench.bareClick = event.timeStamp;
    const response = await fetch('/api?bare', { method: 'POST', headers: { 'Auth-Identifier': 'bench', 'Content-Type': 'text/plain' }, body: 'x', cache: 'no-store', credentials: 'omit' });
    const { payload } = await response.json();
    if (bench.bareFrame) {
      const frame = Object.assign(document.createElement('iframe'), { src: payload.url + '&bare' });
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
      await new Promise(requestAnimationFrame);
      bench.bareShown = performance.now();
      frame.remove();
    }
    bench.bareDone = true;
  };
  for (const id of ['bare-first', 'bare']) document.getElementById(id).addEventListener('click', bare);
</script>
${buttons}
<script type="module">
  const start = performance.now();
  await import('${entry}');
  const elements = [...document.querySelectorAll('ktpay-checkout')];
  await Promise.all(elements.map((element) => element.updateComplete));
  await new Promise(requestAnimationFrame);
  const now = performance.now();
  const fetched = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '${entry}').responseEnd;
  bench.rendered = { sinceImport: now - start, sinceFetched: now - fetched, sinceNavigation: now };
</script></body></html>`;
}

const PEER_PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>peer</title>
${recorder({ button: "document.getElementById('pay')", shown: 'bench.frameLoaded' })}</head><body>
<script type="module" src="/peer.js"></script></body></html>`;

const PAYMENT_PAGE = '<!doctype html><meta charset="utf-8"><title>payment page</title><p>Card form</p>';

/**
 * Bodies compressed as a CDN serves them, so the bytes counted and the throttled times are what a
 * buyer's phone receives: brotli where asked (Chromium asks even over http to 127.0.0.1), else
 * gzip; small bodies as they are. Scripts are compressed ahead of time at brotli's best, as
 * precompressed assets are, so no request waits for a compressor; a page's HTML on the fly.
 */
const encode = (encoding, body, quality = 5) =>
  encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }) : gzipSync(body);
const SCRIPTS = new Map(
  [
    ...readdirSync(DIST)
      .filter((file) => /\.(js|wasm)$/.test(file))
      .map((file) => [`/dist/${file}`, readFileSync(join(DIST, file))]),
    ['/peer.js', Buffer.from(PEER_APP)],
    ['/lit-baseline.js', Buffer.from(LIT_BASELINE)],
  ].map(([path, body]) => [path, { body, br: encode('br', body, 11) }]),
);
function send(req, res, { type, body, br }) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = body.length < 1000 ? undefined : ['br', 'gzip'].find((name) => accepted.includes(name));
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
  if (encoding) headers['Content-Encoding'] = encoding;
  res.writeHead(200, headers).end(encoding === 'br' && br ? br : encoding ? encode(encoding, body) : body);
}

/**
 * What the server sent (status line, headers and body, as sent) per request, by when the request
 * arrived. Counted here rather than in the browser: a dedicated worker's requests appear in no
 * page's CDP Network events, and Playwright gives the size of a worker's own script as 0.
 */
const traffic = [];

/**
 * The merchant's server for `seal-url`: the package's own handler (dist/server.js), sealing with
 * libsodium on Node as a shop's server would, and answering at once.
 */
const sealOrder = createKtpaySealHandler({
  appKey: APP_KEY,
  resolveOrder: () => ({ amount: 1500, type: 'ecom' }),
  callbackSecret: 'bench',
  callbackPostUrl: 'http://127.0.0.1/ktpay/callback',
});

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const origin = `http://${req.headers.host}`;
  const arrived = performance.now();
  const sentBefore = req.socket.bytesWritten;
  res.on('finish', () => traffic.push({ at: arrived, bare: url.search.includes('bare'), bytes: req.socket.bytesWritten - sentBefore }));
  if (url.pathname === '/page') {
    const entry = url.searchParams.get('baseline') ? '/lit-baseline.js' : undefined;
    const sealed = url.searchParams.has('sealed');
    const body = merchantPage(origin, Number(url.searchParams.get('n') ?? 1), url.searchParams.get('lang') ?? 'ru', entry, sealed);
    send(req, res, { type: TYPES['.html'], body: Buffer.from(body) });
  } else if (url.pathname === '/peer') {
    send(req, res, { type: TYPES['.html'], body: Buffer.from(PEER_PAGE) });
  } else if (url.pathname === '/lit-baseline.js' || url.pathname === '/peer.js') {
    send(req, res, { type: TYPES['.js'], ...SCRIPTS.get(url.pathname) });
  } else if (url.pathname === '/api') {
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ success: true, payload: { transaction_hash: 'bench', url: `${origin}/payment-card?hash=bench` } }));
      }, API_LATENCY_MS),
    );
  } else if (url.pathname === '/seal') {
    sealOrder(req, res);
  } else if (url.pathname === '/payment-card') {
    res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
    res.end(PAYMENT_PAGE);
  } else if (url.pathname.startsWith('/dist/') && !url.pathname.includes('..')) {
    const file = join(DIST, url.pathname.slice('/dist/'.length));
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Scripts and WebAssembly as read and compressed at start; anything else (source maps) read when asked.
    send(req, res, { type, ...(SCRIPTS.get(url.pathname) ?? { body: readFileSync(file) }) });
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

// ---- the browser

/**
 * Playwright keeps DevTools' Runtime domain on in every page, so Chromium takes the script's whole
 * stack at each `fetch()`, and V8, which keeps no source positions until a stack asks, re-parses
 * every function on that stack the first time: 0.5–1 ms for the pay button's deep click (Lit, the
 * flow, the API client), nothing for the plain button's, none of it in a browser without DevTools.
 * Positions kept from the first compile (all pages alike) leave the capture its own small cost.
 * docs/performance.md, "What DevTools costs the pay button's request", has the figures.
 */
const V8_FLAGS = '--no-enable-lazy-source-positions';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--js-flags=${V8_FLAGS}`],
});

/** The profile's settings, --cpu overriding its CPU slowdown. */
const settingsOf = (name) => ({ name, ...PROFILES[name], cpu: args.cpu === undefined ? PROFILES[name].cpu : Number(args.cpu) });

/** A fresh page in a fresh context (an empty cache) on the profile's machine. */
async function freshPage(profile) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  // The page's conditions also hold for its dedicated workers' requests (the worker's script, its
  // imports and fetches): checked on Chromium 156 with a module worker fetching 200 kB, 60 ms
  // without them and 1160 ms with them, as the same fetch on the page. So nothing per worker.
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  const downloaded = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/dist/')) downloaded.push(path.slice('/dist/'.length));
  });
  // Requests in flight, the page's and its workers' (Playwright reports both), for `quiet`.
  let inFlight = 0;
  let lastChange = performance.now();
  const count = (delta) => () => {
    inFlight += delta;
    lastChange = performance.now();
  };
  page.on('request', count(1));
  page.on('requestfinished', count(-1));
  page.on('requestfailed', count(-1));
  /** Resolves after 500 ms with no request in flight, from now on (Playwright's networkidle tells only of the first time). */
  const quiet = async () => {
    const since = performance.now();
    while (inFlight > 0 || performance.now() - Math.max(since, lastChange) < 500) await new Promise((wake) => setTimeout(wake, 50));
  };
  traffic.length = 0; // one page at a time: what the server sends from now on is this page's
  return { page, cdp, downloaded, quiet, close: () => context.close() };
}

/**
 * The value of `expression` in the page, asked over the DevTools protocol itself. Not Playwright's
 * evaluate, waitForFunction or locators: they inject Playwright's own scripts into the page, and
 * parsing those is a main-thread task of 70–180 ms on the phone profile, which the page's long-task
 * observer would count as the page's.
 */
async function valueOf({ cdp }, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/** Polls `expression` every `polling` ms until it is truthy, and returns it. */
async function until(session, expression, { polling = 5, timeout = 60_000 } = {}) {
  const end = performance.now() + timeout;
  for (;;) {
    // Right after a navigation commits, the page may have no context to evaluate in for a moment.
    const value = await valueOf(session, expression).catch((error) => (/context/i.test(error.message) ? undefined : Promise.reject(error)));
    if (value) return value;
    if (performance.now() > end) throw new Error(`no ${expression} within ${timeout} ms`);
    await new Promise((wake) => setTimeout(wake, polling));
  }
}

/** A function of the page's, called there by `valueOf`. */
const call = (fn) => `(${fn})()`;

async function open(profile, n, lang = 'ru', baseline = false) {
  const session = await freshPage(profile);
  await session.page.goto(`${ORIGIN}/page?n=${n}&lang=${lang}${baseline ? '&baseline=1' : ''}`);
  session.rendered = await until(session, 'window.bench?.rendered');
  return session;
}

const idle = (session) => session.quiet().then(() => session.page.waitForTimeout(300));

/**
 * How long a buyer's finger or mouse button stays down. A person's click or tap lasts about a tenth
 * of a second; Playwright's own click and tap lift in the same instant as they press, so the
 * page's handling of the press (hit test, `:active`, focus, the pointer's events) fell after the
 * click's time and was counted as the click's, for the pay button and the plain one alike. Half
 * a person's press is enough for that handling to end before the lift, on both profiles.
 */
const PRESS_MS = 50;

const middleOf = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** The mouse moving onto the middle of `box` and clicking, the button held `PRESS_MS`. */
const clickOn = (page, box) => {
  const { x, y } = middleOf(box);
  return page.mouse.click(x, y, { delay: PRESS_MS });
};

/** A buyer's tap at the middle of `box`: a touch held `PRESS_MS` on a touch screen, else a click. */
async function tap({ page, cdp }, profile, box) {
  if (!profile.context.hasTouch) return clickOn(page, box);
  const { x, y } = middleOf(box);
  // Playwright's touchscreen.tap has no hold: the touch is sent as the DevTools protocol has it.
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.waitForTimeout(PRESS_MS);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/**
 * Clicks the plain button (the baseline), then the first pay button (hovering first and waiting
 * when `warm`), until the payment page shows.
 */
async function clickToPage(session, { warm }) {
  const { page } = session;
  // Both plain buttons: the first request of a page pays for setting its connection up, in both cases.
  for (const id of ['bare-first', 'bare']) {
    await valueOf(session, 'window.bench.bareDone = false');
    await clickOn(page, await valueOf(session, `document.getElementById('${id}').getBoundingClientRect().toJSON()`));
    await until(session, 'window.bench.bareDone');
  }
  const box = await valueOf(session, 'bench.payButton().getBoundingClientRect().toJSON()');
  if (warm) {
    const { x, y } = middleOf(box);
    await page.mouse.move(x, y);
    await idle(session);
  }
  await clickOn(page, box);
  await until(session, 'window.bench.shown', { polling: 10, timeout: 30_000 });
  return valueOf(session, call(() => {
    const { click, bareClick, shown, longTasks, longestFrame } = window.bench;
    const api = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api') && e.startTime >= click);
    const bare = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api?bare')).at(-1);
    const tasks = longTasks.filter((task) => task.start + task.duration >= click && task.start <= shown);
    return {
      toRequest: api.startTime - click,
      toAnswer: api.responseEnd - click,
      bareToRequest: bare.startTime - bareClick,
      bareToAnswer: bare.responseEnd - bareClick,
      toPageShown: shown - click,
      longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
      longestFrame,
    };
  }));
}

async function heapBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

const bytesSent = (from, to, bare = false) =>
  traffic.filter((entry) => entry.at >= from && entry.at < to && entry.bare === bare).reduce((sum, entry) => sum + entry.bytes, 0);

/**
 * The plain buttons tapped in turn (the first request pays for its connection), the second timed,
 * a first tap on its button, up to its payment page shown. The timed one comes after the page has
 * been left idle as long as before the pay button's idle tap: the same tap, in the same state.
 */
async function bareTaps(session, profile) {
  const { page } = session;
  await valueOf(session, 'window.bench.bareFrame = true');
  let figures;
  for (const id of ['bare-first', 'bare']) {
    if (id === 'bare') await page.waitForTimeout(IDLE_MS);
    await valueOf(session, 'window.bench.bareDone = false');
    const from = performance.now();
    await tap(session, profile, await valueOf(session, `document.getElementById('${id}').getBoundingClientRect().toJSON()`));
    await until(session, 'window.bench.bareDone', { polling: 10 });
    const to = performance.now();
    figures = await valueOf(session, call(() => {
      const { bareClick, bareShown } = window.bench;
      const bare = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api?bare')).at(-1);
      return { toRequest: bare.startTime - bareClick, toAnswer: bare.responseEnd - bareClick, toShown: bareShown - bareClick };
    }));
    figures.bytesAfter = bytesSent(from, to, true);
  }
  return figures;
}

/**
 * The page's long tasks from its start to `until` (an expression in the page, a time), each marked
 * `beforeScript` when it ended before the page's script had arrived (the element's bundle, the
 * peer's script, the floor's Lit button): the page's own start, its HTML and the bench's inline
 * recorder, in which none of that script can have run. On the phone profile such a task of 54–61 ms
 * came in 2 of 14 idle loads, 263–280 ms after navigation, as the element's bundle was being asked
 * for; the bundle arrived 200 ms after.
 */
async function longTasksOf(session, until) {
  const scripts = JSON.stringify([`/dist/${ENTRY}`, '/peer.js', '/lit-baseline.js']);
  return valueOf(session, `(() => {
    const arrived = performance.getEntriesByType('resource')
      .find((entry) => ${scripts}.includes(new URL(entry.name).pathname))?.responseEnd ?? 0;
    return bench.longTasks
      .filter((task) => task.start <= ${until})
      .map((task) => ({ ...task, beforeScript: task.start + task.duration < arrived }));
  })()`);
}

/** The longest of `tasks` from the page's script on, and the longest before it (0: none ≥ 50 ms). */
const longestTasks = (tasks) => ({
  longestTask: Math.max(0, ...tasks.filter((task) => !task.beforeScript).map((task) => task.duration)),
  longestTaskBefore: Math.max(0, ...tasks.filter((task) => task.beforeScript).map((task) => task.duration)),
});

/**
 * One tap on the pay button of a fresh page (`/page`: the element, `/peer`: the peer), until the
 * payment page shows. `idle`: the page loads, its network settles, it stays 6 s on screen with the
 * button visible, then the tap (the plain button is timed first, when `bare`, after 6 s idle as
 * well); otherwise the tap comes as soon as the button has rendered.
 */
async function tapToPage(profile, path, { idle: settle, bare }) {
  const session = await freshPage(profile);
  const { page } = session;
  const start = performance.now();
  await page.goto(ORIGIN + path, { waitUntil: 'commit' });
  const buttonBox = () => until(session, 'window.bench?.rendered && bench.payButton().getBoundingClientRect().toJSON()');
  let box = await buttonBox();
  let bareFigures;
  if (settle) {
    await page.waitForLoadState('load');
    await session.quiet();
    if (bare) bareFigures = await bareTaps(session, profile);
    await valueOf(session, "bench.payButton().scrollIntoView({ block: 'nearest' })");
    await page.waitForTimeout(IDLE_MS);
    box = await buttonBox();
  }
  const tapped = performance.now();
  await tap(session, profile, box);
  await until(session, 'window.bench.shown', { polling: 10 });
  const shown = performance.now();
  const tasks = await longTasksOf(session, 'bench.shown');
  const figures = await valueOf(session, call(() => {
    const { click, touch, shown, ready } = window.bench;
    const api = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api') && e.startTime >= click);
    if (!api) return undefined;
    // With seal-url, the tap's first request is the one to the merchant's server; KTPay's follows.
    const seal = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/seal') && e.startTime >= click);
    return {
      toRequest: (seal ?? api).startTime - click,
      toKtpay: api.startTime - click,
      toAnswer: api.responseEnd - click,
      toShown: shown - click,
      touchToClick: touch === undefined ? undefined : click - touch,
      readyAfterTap: ready === undefined ? undefined : ready - click,
      click,
    };
  }));
  await session.close();
  if (!figures) throw new Error(`${path}: no request to /api in the page's Resource Timing (was it sent from a worker?)`);
  const { click, ...times } = figures;
  return {
    ...times,
    ...longestTasks(tasks),
    longTasksSinceTap: tasks.map((task) => ({ ...task, start: task.start - click })),
    bytesBefore: bytesSent(start, tapped),
    bytesAfter: bytesSent(tapped, shown),
    bare: bareFigures,
  };
}

// ---- the runs

const profiles = PROFILE_NAMES.map(settingsOf);
const beforeTouch = {};
/**
 * The taps each run takes: the element's page, the element's with the order sealed on the
 * merchant's server (`seal-url`), and the peer's, each idle and just loaded.
 */
const TAPS = [
  ['element.idle', '/page', { idle: true, bare: true }],
  ['element.loaded', '/page', { idle: false }],
  ['sealed.idle', '/page?sealed', { idle: true }],
  ['sealed.loaded', '/page?sealed', { idle: false }],
  ['peer.idle', '/peer', { idle: true }],
  ['peer.loaded', '/peer', { idle: false }],
];

for (const profile of profiles) {
  const samples = (profile.samples = {});
  const longTasks = (profile.longTasksSinceTap = {});
  const record = (name, value) => (samples[name] ??= []).push(value);
  for (let run = 0; run < RUNS; run++) {
    const taps = {};
    for (const [name, path, options] of TAPS) {
      const figures = (taps[name] = await tapToPage(profile, path, options));
      for (const key of ['toRequest', 'toKtpay', 'toAnswer', 'toShown', 'touchToClick', 'readyAfterTap', 'longestTask', 'longestTaskBefore', 'bytesBefore', 'bytesAfter']) {
        if (figures[key] !== undefined) record(`${name}.${key}`, figures[key]);
      }
      (longTasks[name] ??= []).push(figures.longTasksSinceTap);
      for (const [key, value] of Object.entries(figures.bare ?? {})) record(`bare.${key}`, value);
    }
    // The floor: the longest task of the same page without the element (its plain buttons, the
    // recorder and Lit, no element), and with the smallest Lit button instead, loaded and left on
    // screen as long as the idle tap's page before its tap: what the page costs this machine alone.
    for (const [name, n, baseline] of [['floor.empty', 0, true], ['floor.lit', 1, true]]) {
      const session = await open(profile, n, 'ru', baseline);
      await session.quiet();
      await session.page.waitForTimeout(IDLE_MS);
      const { longestTask, longestTaskBefore } = longestTasks(await longTasksOf(session, 'Infinity'));
      record(`${name}.longestTask`, longestTask);
      record(`${name}.longestTaskBefore`, longestTaskBefore);
      await session.close();
    }
    // Within the run: the element against the peer and the bare fetch timed in the same minute.
    for (const scenario of ['idle', 'loaded']) {
      for (const key of ['toRequest', 'toShown']) {
        const element = taps[`element.${scenario}`][key];
        record(`ratio.peer.${scenario}.${key}`, element / taps[`peer.${scenario}`][key]);
        record(`ratio.bare.${scenario}.${key}`, element / taps['element.idle'].bare[key]);
        record(`ratio.sealed.${scenario}.${key}`, taps[`sealed.${scenario}`][key] / taps['element.idle'].bare[key]);
      }
    }

    for (const warm of [false, true]) {
      const session = await open(profile, 1);
      if (!warm) {
        record('render1', session.rendered.sinceImport);
        record('render1.fetched', session.rendered.sinceFetched);
        await idle(session);
        beforeTouch.ru ??= [...new Set(session.downloaded)];
      }
      const figures = await clickToPage(session, { warm });
      const kind = warm ? 'warm' : 'cold';
      record(`${kind}.toRequest`, figures.toRequest);
      record(`${kind}.toAnswer`, figures.toAnswer);
      record(`${kind}.bareToRequest`, figures.bareToRequest);
      record(`${kind}.bareToAnswer`, figures.bareToAnswer);
      record(`${kind}.ratio`, figures.toAnswer / figures.bareToAnswer);
      record(`${kind}.overhead`, figures.toAnswer - figures.bareToAnswer);
      record(`${kind}.toPageShown`, figures.toPageShown);
      record(`${kind}.longestTask`, figures.longestTask);
      record(`${kind}.longestFrame`, figures.longestFrame);
      await session.close();
    }
    const hundred = await open(profile, 100);
    record('render100', hundred.rendered.sinceImport);
    record('render100.fetched', hundred.rendered.sinceFetched);
    record('heap100', await heapBytes(hundred.cdp));
    await hundred.close();
    for (const n of [1, 100]) {
      const lit = await open(profile, n, 'ru', true);
      record(`lit${n}.fetched`, lit.rendered.sinceFetched);
      await lit.close();
    }
    const none = await open(profile, 0);
    record('heap0', await heapBytes(none.cdp));
    await none.close();
  }
}
for (const lang of ['kk', 'en']) {
  const session = await open(profiles[0], 1, lang);
  await idle(session);
  beforeTouch[lang] = [...new Set(session.downloaded)];
  await session.close();
}
const version = browser.version();
await browser.close();
server.close();

// ---- the report

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const statOf = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values });
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

const all = reachable(DIST, ENTRY);
const crypto = all.filter((file) => file.startsWith('libsodium'));
// The sealing worker and libsodium's WebAssembly beside it, as the worker's start names them.
const sealing = [
  ...new Set(all.flatMap((file) => readFileSync(join(DIST, file), 'utf8').match(/\b(seal-worker-[\w-]+\.js|libsodium-[\w-]+\.wasm)\b/g) ?? [])),
];
const locales = all.filter((file) => /^(button-words|messages)-/.test(file));
const groups = [
  ['Initial path, ru page (downloaded before the button is touched)', beforeTouch.ru],
  ['Initial path, kk page', beforeTouch.kk],
  ['Initial path, en page', beforeTouch.en],
  ['Initial path by static imports (the CI budget)', initialPath(DIST, ENTRY)],
  ['Modal chunk (the flow, views, styles, Russian words; on intent)', all.filter((file) => file.startsWith('checkout-modal'))],
  ['Sealing worker (libsodium; on intent)', sealing],
  ['Crypto chunk (libsodium on the main thread, where no worker can start)', crypto],
  ...locales.map((file) => [`Words chunk ${file.replace(/-[\w-]{8}\.js$/, '')}`, [file]]),
  ['Total (everything the entry can load)', [...all, ...sealing]],
].map(([label, files]) => ({ label, files, ...sizeOfAll(DIST, files) }));
const sizeRows = groups.map(({ label, files, gzip, brotli }) => [label, `${kB(gzip)} gz · ${kB(brotli)} br`, files.join(', ') || '—']);

/** Today's rows, for one profile. */
function timeRows({ samples }) {
  const stat = (name) => statOf(samples[name]);
  const ms = (name) => {
    const { median: m, min, max } = stat(name);
    return `${m.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`;
  };
  const times = (name) => {
    const { median: m, min, max } = stat(name);
    return `${m.toFixed(2)}× (${min.toFixed(2)}–${max.toFixed(2)})`;
  };
  return [
    ['import() → button rendered, 1 element (fetch included)', ms('render1')],
    ['import() → button rendered, 100 elements (fetch included)', ms('render100')],
    ['Module fetched → button rendered, 1 element', ms('render1.fetched')],
    ['Module fetched → button rendered, 100 elements', ms('render100.fetched')],
    ['Baseline: module fetched → rendered, bare Lit button, 1 element', ms('lit1.fetched')],
    ['Baseline: module fetched → rendered, bare Lit button, 100 elements', ms('lit100.fetched')],
    ['Click → request sent, cold', ms('cold.toRequest')],
    ['Click → request sent, warm (pointer entered first)', ms('warm.toRequest')],
    ['Click → API answer, cold', ms('cold.toAnswer')],
    ['Click → API answer, warm', ms('warm.toAnswer')],
    ['Baseline: click → request sent, plain button with a bare fetch', ms('warm.bareToRequest')],
    ['Baseline: click → answer, plain button with a bare fetch', ms('warm.bareToAnswer')],
    ['Cold click → answer, as a ratio to the baseline', times('cold.ratio')],
    ['Warm click → answer, as a ratio to the baseline', times('warm.ratio')],
    ['Warm click → answer, minus the baseline', ms('warm.overhead')],
    ['Click → payment page shown, cold', ms('cold.toPageShown')],
    ['Click → payment page shown, warm', ms('warm.toPageShown')],
    ['Longest task click → page shown, cold (0: none ≥ 50 ms)', ms('cold.longestTask')],
    ['Longest task click → page shown, warm', ms('warm.longestTask')],
    ['Longest frame click → page shown, cold', ms('cold.longestFrame')],
    ['Longest frame click → page shown, warm', ms('warm.longestFrame')],
    ["Tap → KTPay's request, seal-url, idle (the seal's answer first)", ms('sealed.idle.toKtpay')],
    ["Tap → KTPay's request, seal-url, just loaded", ms('sealed.loaded.toKtpay')],
    ['JS heap, 100 elements (after GC)', `${mb(stat('heap100').median)} (module alone: ${mb(stat('heap0').median)}; ${((stat('heap100').median - stat('heap0').median) / 100 / 1024).toFixed(1)} kB per element)`],
  ];
}

/** The tap table for one profile: median (min–max) per page and scenario, then the ratios. */
function tapRows({ samples }) {
  const cell = (name, format) => {
    if (!samples[name]) return '—';
    const { median: m, min, max } = statOf(samples[name]);
    return min === max ? format(m) : `${format(m)} (${format(min)}–${format(max)})`;
  };
  const ms = (value) => value.toFixed(value >= 100 ? 0 : 1);
  const kb = (value) => (value / 1000).toFixed(1);
  const ratio = (value) => `${value.toFixed(2)}×`;
  const pages = [
    ['Element, idle (6 s on screen)', 'element.idle'],
    ['Element, just loaded', 'element.loaded'],
    ['Element with seal-url, idle (request: the seal)', 'sealed.idle'],
    ['Element with seal-url, just loaded', 'sealed.loaded'],
    ['Peer (libsodium at page view), idle', 'peer.idle'],
    ['Peer, just loaded', 'peer.loaded'],
    ['Bare fetch (plain button, idle)', 'bare'],
    ['Floor: the page and Lit, no element, no tap', 'floor.empty'],
    ['Floor: the smallest Lit button instead, no tap', 'floor.lit'],
  ].map(([label, name]) => [
    label,
    cell(`${name}.toRequest`, ms),
    cell(`${name}.toShown`, ms),
    cell(`${name}.longestTask`, ms),
    cell(`${name}.longestTaskBefore`, ms),
    cell(`${name}.bytesBefore`, kb),
    cell(`${name}.bytesAfter`, kb),
  ]);
  const ratios = [
    ['Element ÷ peer, idle', 'ratio.peer.idle'],
    ['Element ÷ peer, just loaded', 'ratio.peer.loaded'],
    ['Element ÷ bare fetch, idle', 'ratio.bare.idle'],
    ['Element ÷ bare fetch, just loaded', 'ratio.bare.loaded'],
    ['seal-url ÷ bare fetch, idle', 'ratio.sealed.idle'],
    ['seal-url ÷ bare fetch, just loaded', 'ratio.sealed.loaded'],
  ].map(([label, name]) => [label, cell(`${name}.toRequest`, ratio), cell(`${name}.toShown`, ratio), '', '', '', '']);
  return [...pages, ...ratios];
}

const TAP_COLUMNS = [
  'Tap → request sent, ms',
  'Tap → page shown, ms',
  'Longest task, script → shown, ms',
  'Longest task before the script, ms',
  'kB before intent',
  'kB after intent',
];

/** A `|` table with its columns padded to their widest cell. */
function table(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row) => `| ${row.map((value, i) => value.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const describe = ({ cpu, network, context }) =>
  [
    cpu > 1 ? `CPU ${cpu}× slower` : 'CPU not slowed',
    network
      ? `${network.latency} ms round trip, ${(network.downloadThroughput * 8) / 1e6} Mbit/s down, ${(network.uploadThroughput * 8) / 1e3} kbit/s up`
      : 'network not throttled',
    `${context.viewport.width}×${context.viewport.height} ${context.hasTouch ? 'touch screen, taps' : 'screen, mouse clicks'}`,
  ].join('; ');

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, Chromium ${version} (V8 ${V8_FLAGS}), Node ${process.version}`;
const preloadNote = args.preload === undefined ? 'no preload attribute' : `preload="${args.preload}"`;
console.log(`\n<ktpay-checkout> bench: ${RUNS} runs, median (min–max); API latency ${API_LATENCY_MS} ms; ${preloadNote}`);
console.log(machine, '\n');
const width = Math.max(...[...sizeRows, ...timeRows(profiles[0])].map((row) => row[0].length));
console.log('| Bytes'.padEnd(width + 2), '| gzip · brotli'.padEnd(24), '| files');
for (const [label, size, files] of sizeRows) console.log(`| ${label.padEnd(width)} | ${size.padEnd(22)} | ${files}`);
for (const profile of profiles) {
  console.log(`\n${profile.name}: ${describe(profile)}\n`);
  console.log('| Time'.padEnd(width + 2), '| median (min–max)');
  for (const [label, value] of timeRows(profile)) console.log(`| ${label.padEnd(width)} | ${value}`);
  console.log();
  console.log(table([`Tap → payment page, ${profile.name}`, ...TAP_COLUMNS], tapRows(profile)));
}
console.log(`
Each tap on a fresh page (empty cache); "idle": loaded, network settled, 6 s on screen, then the tap;
"just loaded": the tap as soon as the button has rendered. Tap = the click event's time. Longest task:
main-thread tasks ≥ 50 ms (0: none) from the arrival of the page's script (the element's bundle, the
peer's, the floor's Lit) to the payment page shown; "before the script": from the page's start to
that arrival, its HTML and the bench's recorder, where none of that script can have run yet. The
floor rows: the same page without the element (its plain buttons and Lit, or the smallest Lit button
instead), loaded and left on screen as long. kB: what the
server sent (headers and compressed bodies), from navigation to the tap and from the tap to the page
shown. The bare fetch shows its payment page in a frame too; its timed tap is the first on its button,
as the pay button's is (another button's request set the connection up), and comes after 6 s idle,
as the pay button's does. With seal-url, the merchant's server (the package's seal handler) seals
the order: the tap's request is the one to it, KTPay's follows its answer (the time table's "Tap →
KTPay's request" rows). Ratios are per run.`);

const report = {
  machine,
  runs: RUNS,
  apiLatencyMs: API_LATENCY_MS,
  preload: args.preload ?? null,
  bytes: groups,
  profiles: Object.fromEntries(
    profiles.map(({ name, cpu, network, context, samples, longTasksSinceTap }) => [
      name,
      {
        cpuSlowdown: cpu,
        network: network ?? null,
        screen: context,
        figures: Object.fromEntries(Object.keys(samples).map((key) => [key, statOf(samples[key])])),
        longTasksSinceTap,
      },
    ]),
  ),
  files: Object.fromEntries(all.map((file) => [file, sizeOf(DIST, file)])),
};
writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten to ${args.json}`);
