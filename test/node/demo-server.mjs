// The demo shop as `npm run demo` runs it (vite's dev server with the shop's server half), for the
// Node tests that drive it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';

/**
 * The demo's dev server on a free port; `close` stops it. Its dependency cache is its own: the
 * Node test files run two at a time, and two servers optimizing into one `node_modules/.vite`
 * would each remove what the other wrote.
 */
export async function startDemo() {
  const cacheDir = mkdtempSync(join(tmpdir(), 'ktpay-demo-vite-'));
  const server = await createServer({ configFile: 'vite.config.ts', cacheDir, logLevel: 'silent', server: { port: 0, hmr: false } });
  await server.listen();
  const close = async () => {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  };
  return { server, origin: `http://localhost:${server.httpServer.address().port}`, close };
}

/**
 * The shop page in `page` (an EnginePage of browsers.mjs), with what the tests do in it:
 * `window.until(check, what, ms)` polls `check` until it gives something, or throws naming `what`;
 * `window.shop` has the buyer's and the shop's steps both providers' tests take.
 */
export async function openShop(page, origin) {
  await page.goto(`${origin}/demo/`);
  await page.evaluate(() => {
    const until = (window.until = async (check, what, ms = 20_000) => {
      for (let waited = 0; ; waited += 50) {
        const value = check();
        if (value) return value;
        if (waited > ms) throw new Error(`timed out: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    window.shop = {
      /** The shop's element, once defined. */
      checkout: async () => (await customElements.whenDefined('ktpay-checkout'), document.querySelector('ktpay-checkout')),
      /** A choice in one of the shop's selects (language, provider), as the buyer makes it. */
      choose(id, value) {
        const select = document.getElementById(id);
        select.value = value;
        select.dispatchEvent(new Event('change'));
      },
      /** The shop's server has priced order `orderId`'s cart: the amount on the button is its own. */
      priced(orderId) {
        const total = document.getElementById('total');
        return until(() => total.dataset.pricedBy === 'server' && total.dataset.asked.includes(orderId), 'the server pricing the cart');
      },
      /** The test card, typed into a payment form's card fields. */
      enterCard(form) {
        const card = { 'cc-number': '4111 1111 1111 1111', 'cc-exp': '12/29', 'cc-csc': '123', 'cc-name': 'TEST BUYER' };
        for (const [id, value] of Object.entries(card)) form.getElementById(id).value = value;
      },
      /** The page's "behind the counter" table: the line of what the server confirmed. */
      confirmed: () => until(() => [...document.querySelectorAll('#orders td.paid')].map((td) => td.textContent).find((text) => text.startsWith('paid:')), 'the server view'),
    };
  });
}
