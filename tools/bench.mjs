#!/usr/bin/env node
// `npm run bench`: what <ktpay-checkout> costs a page, measured on the built script-tag bundle
// (dist/ktpay-checkout.js) in headless Chromium on a local server. Prints a table and writes it as
// JSON (dist/bench.json, or --json FILE). Figures only: it asserts nothing about time.
//
//   node tools/bench.mjs [--runs 7] [--cpu 1] [--latency 0] [--json FILE]
//
// --cpu N slows the CPU N times (Chromium's throttling; 4 is a mid-range phone); --latency MS
// delays the stand-in API's answer. Run `npm run build` first (`npm run bench` does).
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { buildApp, initialPath, kB, reachable, sizeOf, sizeOfAll } from './bundle-graph.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    cpu: { type: 'string', default: '1' },
    latency: { type: 'string', default: '0' },
    json: { type: 'string', default: 'dist/bench.json' },
  },
});
const RUNS = Number(args.runs);
const CPU_SLOWDOWN = Number(args.cpu);
const API_LATENCY_MS = Number(args.latency);
const DIST = resolve('dist');
const ENTRY = 'ktpay-checkout.js';
if (!existsSync(join(DIST, ENTRY))) {
  console.error('dist/ktpay-checkout.js is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(1);
}

// ---- the local site: the bundle, a merchant page with N buttons, a stand-in API and payment page

const APP_KEY = 'bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04='; // the sandbox's public key
const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };

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

function merchantPage(origin, count, lang, entry = `/dist/${ENTRY}`) {
  const buttons = Array.from(
    { length: count },
    (_, i) => `<ktpay-checkout app-id="bench" app-key="${APP_KEY}" api-url="${origin}/api" widget-url="${origin}"
      order-id="bench-${i}" amount="1500"></ktpay-checkout>`,
  ).join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>bench</title>
<script>
  // Recorded from the start: long tasks, the first click, and when the payment page shows.
  window.bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) bench.longTasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('click', (event) => {
    if (bench.click !== undefined || event.target.id === 'bare') return;
    bench.click = event.timeStamp;
    let last = performance.now();
    bench.longestFrame = 0;
    const watch = (now) => {
      bench.longestFrame = Math.max(bench.longestFrame, now - last);
      last = now;
      const element = document.querySelector('ktpay-checkout');
      if (element.shadowRoot.querySelector('iframe[part~="payment-frame"]:not(.pending)')) bench.shown = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }, true);
</script></head><body>
<button id="bare">bare fetch</button>
<script>
  // The baseline: a plain button whose click does the same request and nothing else.
  document.getElementById('bare').addEventListener('click', (event) => {
    bench.bareClick = event.timeStamp;
    fetch('/api?bare', { method: 'POST', headers: { 'Auth-Identifier': 'bench', 'Content-Type': 'text/plain' }, body: 'x', cache: 'no-store', credentials: 'omit' })
      .then((response) => response.text())
      .then(() => (bench.bareDone = true));
  });
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

const PAYMENT_PAGE = '<!doctype html><meta charset="utf-8"><title>payment page</title><p>Card form</p>';

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const origin = `http://${req.headers.host}`;
  if (url.pathname === '/page') {
    res.writeHead(200, { 'Content-Type': TYPES['.html'] });
    const entry = url.searchParams.get('baseline') ? '/lit-baseline.js' : undefined;
    res.end(merchantPage(origin, Number(url.searchParams.get('n') ?? 1), url.searchParams.get('lang') ?? 'ru', entry));
  } else if (url.pathname === '/lit-baseline.js') {
    res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-cache' });
    res.end(LIT_BASELINE);
  } else if (url.pathname === '/api') {
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ success: true, payload: { transaction_hash: 'bench', url: `${origin}/payment-card?hash=bench` } }));
      }, API_LATENCY_MS),
    );
  } else if (url.pathname === '/payment-card') {
    res.writeHead(200, { 'Content-Type': TYPES['.html'] });
    res.end(PAYMENT_PAGE);
  } else if (url.pathname.startsWith('/dist/') && !url.pathname.includes('..')) {
    const file = join(DIST, url.pathname.slice('/dist/'.length));
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(readFileSync(file));
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

// ---- the browser

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** A fresh page in a fresh context (an empty cache), with the CPU slowed as asked. */
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const downloaded = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/dist/')) downloaded.push(path.slice('/dist/'.length));
  });
  return { page, cdp, downloaded, close: () => context.close() };
}

async function open(n, lang = 'ru', baseline = false) {
  const session = await freshPage();
  await session.page.goto(`${ORIGIN}/page?n=${n}&lang=${lang}${baseline ? '&baseline=1' : ''}`);
  session.rendered = await session.page.waitForFunction(() => window.bench.rendered, null, { polling: 5 }).then((h) => h.jsonValue());
  return session;
}

const idle = (page) => page.waitForLoadState('networkidle').then(() => page.waitForTimeout(300));

/**
 * Clicks the plain button (the baseline), then the first pay button (hovering first and waiting
 * when `warm`), until the payment page shows.
 */
async function clickToPage(page, { warm }) {
  // Twice: the first request of a page pays for setting its connection up, in both cases.
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => (window.bench.bareDone = false));
    await page.locator('#bare').click();
    await page.waitForFunction(() => window.bench.bareDone, null, { polling: 5 });
  }
  const button = page.locator('ktpay-checkout').first().locator('button');
  if (warm) {
    await button.hover();
    await idle(page);
  }
  const box = await button.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.bench.shown, null, { polling: 10, timeout: 30_000 });
  return page.evaluate(() => {
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
  });
}

async function heapBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

// ---- the runs

const samples = {};
const record = (name, value) => (samples[name] ??= []).push(value);
const beforeTouch = {};

for (let run = 0; run < RUNS; run++) {
  for (const warm of [false, true]) {
    const session = await open(1);
    if (!warm) {
      record('render1', session.rendered.sinceImport);
      record('render1.fetched', session.rendered.sinceFetched);
      await idle(session.page);
      beforeTouch.ru ??= [...new Set(session.downloaded)];
    }
    const figures = await clickToPage(session.page, { warm });
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
  const hundred = await open(100);
  record('render100', hundred.rendered.sinceImport);
  record('render100.fetched', hundred.rendered.sinceFetched);
  record('heap100', await heapBytes(hundred.cdp));
  await hundred.close();
  for (const n of [1, 100]) {
    const lit = await open(n, 'ru', true);
    record(`lit${n}.fetched`, lit.rendered.sinceFetched);
    await lit.close();
  }
  const none = await open(0);
  record('heap0', await heapBytes(none.cdp));
  await none.close();
}
for (const lang of ['kk', 'en']) {
  const session = await open(1, lang);
  await idle(session.page);
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
const stat = (name) => ({ median: median(samples[name]), min: Math.min(...samples[name]), max: Math.max(...samples[name]), runs: samples[name] });
const ms = (name) => {
  const { median: m, min, max } = stat(name);
  return `${m.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`;
};
const times = (name) => {
  const { median: m, min, max } = stat(name);
  return `${m.toFixed(2)}× (${min.toFixed(2)}–${max.toFixed(2)})`;
};
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

const all = reachable(DIST, ENTRY);
const crypto = all.filter((file) => file.startsWith('libsodium'));
const locales = all.filter((file) => /^(button-words|messages)-/.test(file));
const groups = [
  ['Initial path, ru page (downloaded before the button is touched)', beforeTouch.ru],
  ['Initial path, kk page', beforeTouch.kk],
  ['Initial path, en page', beforeTouch.en],
  ['Initial path by static imports (the CI budget)', initialPath(DIST, ENTRY)],
  ['Modal chunk (the flow, views, styles, Russian words; on intent)', all.filter((file) => file.startsWith('checkout-modal'))],
  ['Crypto chunk (libsodium; on intent)', crypto],
  ...locales.map((file) => [`Words chunk ${file.replace(/-[\w-]{8}\.js$/, '')}`, [file]]),
  ['Total (everything the entry can load)', all],
].map(([label, files]) => ({ label, files, ...sizeOfAll(DIST, files) }));
const sizeRows = groups.map(({ label, files, gzip, brotli }) => [label, `${kB(gzip)} gz · ${kB(brotli)} br`, files.join(', ') || '—']);

const timeRows = [
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
  ['JS heap, 100 elements (after GC)', `${mb(stat('heap100').median)} (module alone: ${mb(stat('heap0').median)}; ${((stat('heap100').median - stat('heap0').median) / 100 / 1024).toFixed(1)} kB per element)`],
];

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, Chromium ${version}, Node ${process.version}`;
console.log(`\n<ktpay-checkout> bench: ${RUNS} runs, median (min–max); CPU slowdown ${CPU_SLOWDOWN}×, API latency ${API_LATENCY_MS} ms`);
console.log(machine, '\n');
const width = Math.max(...[...sizeRows, ...timeRows].map((row) => row[0].length));
console.log('| Bytes'.padEnd(width + 2), '| gzip · brotli'.padEnd(24), '| files');
for (const [label, size, files] of sizeRows) console.log(`| ${label.padEnd(width)} | ${size.padEnd(22)} | ${files}`);
console.log();
console.log('| Time'.padEnd(width + 2), '| median (min–max)');
for (const [label, value] of timeRows) console.log(`| ${label.padEnd(width)} | ${value}`);

const report = {
  machine,
  runs: RUNS,
  cpuSlowdown: CPU_SLOWDOWN,
  apiLatencyMs: API_LATENCY_MS,
  bytes: groups,
  times: Object.fromEntries(Object.keys(samples).map((name) => [name, stat(name)])),
  files: Object.fromEntries(all.map((file) => [file, sizeOf(DIST, file)])),
};
writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten to ${args.json}`);
