// The single file for a <script type="module"> tag (dist/ktpay-checkout.js), as a page without a
// bundler loads it from a static server: it registers the element, draws the button, and loads the
// modal's chunk from beside it at Pay. In headless Chromium, against the built dist/.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { chromium } from 'playwright';
import { serve } from './server-helpers.mjs';

const dist = new URL('../../dist/', import.meta.url);
const PAGE = `<!doctype html><html lang="kk"><meta charset="utf-8">
<script type="module" src="/dist/ktpay-checkout.js"></script>
<ktpay-checkout app-id="a" app-key="bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04=" order-id="S-1" amount="-5"></ktpay-checkout>`;

test('a page with only the script tag gets a working element', async (t) => {
  const requested = [];
  const origin = await serve(t, async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    requested.push(path);
    if (path === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    try {
      const body = await readFile(new URL(path.replace(/^\/dist\//, ''), dist));
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  t.after(() => browser.close());
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(origin);
  await page.waitForFunction(() => document.querySelector('ktpay-checkout')?.shadowRoot?.querySelector('button.pay')?.textContent.trim());
  assert.equal(await page.evaluate(() => document.querySelector('ktpay-checkout').shadowRoot.querySelector('button.pay').textContent.trim()), 'Төлеу');
  assert.ok(!requested.some((path) => /checkout-modal|libsodium/.test(path)), 'the modal or libsodium loaded before Pay');

  const failed = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('ktpay:failed', (event) => resolve(event.detail), { once: true })),
  );
  await page.click('ktpay-checkout >> button.pay');
  const detail = await failed;
  assert.equal(detail.source, 'validation');
  assert.deepEqual(Object.keys(detail.fields), ['amount']);
  assert.ok(requested.some((path) => /checkout-modal/.test(path)), 'the modal chunk did not load');
  assert.equal(await page.evaluate(() => document.querySelector('ktpay-checkout').shadowRoot.querySelector('dialog').open), true);
  assert.deepEqual(errors, []);
});
