#!/usr/bin/env node
// `npm run bench:apps`: the element in merchants' apps as their bundlers build it (tools/merchant-apps.mjs:
// Next.js 16 with Turbopack and with webpack, Vite + React, Angular CLI), each from the packed
// tarball, in headless Chromium. For each app: whether the sealing worker started, whether the
// page's main thread loaded libsodium, and the longest main-thread task from navigation to the
// payment page shown, with the tap's time to the request. Figures only: it asserts nothing.
//
//   node tools/bench-apps.mjs [--profile phone|desktop] [--runs 3] [--apps next-turbopack,vite-react]
//
// phone (tools/bench-profiles.mjs): the CPU 4× slower, 150 ms round trip, 1.6 Mbit/s down, a
// 412×823 touch screen. Run `npm run build` first (`npm run bench:apps` does).
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS } from './engines.js';
import { PROFILES } from './bench-profiles.mjs';
import { APPS, builtApp } from './merchant-apps.mjs';

const { values: args } = parseArgs({
  options: { profile: { type: 'string', default: 'phone' }, runs: { type: 'string', default: '3' }, apps: { type: 'string', default: Object.keys(APPS).join(',') } },
});
const profile = PROFILES[args.profile];
const names = args.apps.split(',');
if (!profile || !names.every((name) => APPS[name])) {
  console.error(`--profile phone|desktop, --apps a list of ${Object.keys(APPS).join(', ')}`);
  process.exit(1);
}
const RUNS = Number(args.runs);

/** Long tasks from the page's start, and when the tap came and the payment page showed. */
const RECORDER = () => {
  window.bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.bench.longTasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('click', (event) => (window.bench.click ??= event.timeStamp), true);
};

/** One visit: load, let the page settle with the button on screen, tap, until the payment page shows. */
async function visit(browser, origin) {
  const context = await browser.newContext(profile.context);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
    await page.addInitScript(RECORDER);
    const workers = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.route('**/stand-in/ktpay/payment', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ success: true, payload: { transaction_hash: 'bench', url: `${origin}/stand-in/widget/payment-card?hash=bench` } }) }),
    );
    await page.route('**/stand-in/widget/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><p>Card form</p>' }));
    await page.goto(origin);
    await page.waitForFunction(() => document.querySelector('ktpay-checkout')?.appKey);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const button = page.locator('ktpay-checkout button.pay');
    if (profile.context.hasTouch) await button.tap();
    else await button.click();
    await page.waitForFunction(
      () => document.querySelector('ktpay-checkout').shadowRoot.querySelector('iframe[part~="payment-frame"]:not(.pending)'),
      null,
      { polling: 10, timeout: 60_000 },
    );
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const figures = await page.evaluate(() => {
      const shown = performance.now();
      const api = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/stand-in/ktpay/payment'));
      const scripts = performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\.m?js(\?|$)/.test(new URL(name).pathname));
      const tasks = window.bench.longTasks.filter((task) => task.start <= shown);
      return { longestTask: Math.max(0, ...tasks.map((task) => task.duration)), tapToRequest: api ? api.startTime - window.bench.click : NaN, scripts };
    });
    const mainThreadScripts = figures.scripts.filter((url) => !workers.includes(url));
    let libsodiumOnMain = false;
    for (const script of mainThreadScripts) if ((await (await fetch(script)).text()).includes('crypto_box_seal_open')) libsodiumOnMain = true;
    return { workerStarted: workers.some((url) => /seal-worker/.test(url)), libsodiumOnMain, longestTask: figures.longestTask, tapToRequest: figures.tapToRequest };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const yesNo = (values) => (values.every(Boolean) ? 'yes' : values.some(Boolean) ? 'some runs' : 'no');

const rows = [];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const name of names) {
    const started = performance.now();
    const { origin, stop } = await builtApp(name);
    const built = (performance.now() - started) / 1000;
    try {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, origin));
      rows.push({
        app: name,
        worker: yesNo(runs.map((run) => run.workerStarted)),
        libsodiumOnMain: yesNo(runs.map((run) => run.libsodiumOnMain)),
        longestTask: `${Math.round(median(runs.map((run) => run.longestTask)))} ms (max ${Math.round(Math.max(...runs.map((run) => run.longestTask)))})`,
        tapToRequest: `${Math.round(median(runs.map((run) => run.tapToRequest)))} ms`,
        build: `${built.toFixed(0)} s`,
      });
    } finally {
      await stop();
    }
  }
} finally {
  await browser.close();
}

console.log(`\nMerchants' apps, ${args.profile} profile, ${RUNS} runs each (median):\n`);
console.log('| bundler | worker started | libsodium on the main thread | longest main-thread task, load → payment page | tap → request | build + start |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.app} | ${row.worker} | ${row.libsodiumOnMain} | ${row.longestTask} | ${row.tapToRequest} | ${row.build} |`);
