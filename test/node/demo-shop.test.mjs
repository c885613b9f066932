// The demo shop, end to end as `npm run demo` runs it, in each engine: one dev server, and one
// browser of each engine for both of the shop's providers (a browser's start is most of a short
// test's time; Firefox's alone some 5 s and 7 CPU-seconds).
// - KTPay: the page tells its server the cart, the element asks the shop's seal-url
//   (createKtpaySealHandler) for the order sealed at the server's price, the buyer pays on the
//   sandbox's page, and the shop's server records KTPay's callback (which carries the order's
//   token), which the page then shows. An amount edited in the page (devtools) ends in the server's
//   refusal, in the buyer's language.
// - Halyk ePay: the page tells its server the cart, the element gets the token from the shop's
//   auth-url (createEpayAuthHandler, Halyk's token from the sandbox's stand-in), the buyer pays on
//   the sandbox's form in Halyk's overlay, and the shop's server records ePay's postLink
//   (createEpayPostLinkHandler) once Halyk's status API (the sandbox's, on the demo's server)
//   confirms it, which the page then shows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines } from './browsers.mjs';
import { openShop, startDemo } from './demo-server.mjs';
import { deliver } from './server-helpers.mjs';

let demo;
let origin;
before(async () => ({ origin } = demo = await startDemo()));
after(() => demo?.close());

for (const { name, open } of engines()) {
  describe(`the demo shop in ${name}`, () => {
    /** @type {import('./browsers.mjs').EnginePage} */
    let page;
    before(async () => (page = await open()));
    after(() => page?.close());

    test(`the demo shop pays through its seal-url, and refuses an amount edited in the page (${name})`, { timeout: 90_000 }, async () => {
      await openShop(page, origin);
      const seen = await page.evaluate(async () => {
        const { until, shop } = window;
        const checkout = await shop.checkout();
        const priced = () => shop.priced(checkout.getAttribute('order-id'));
        const speak = (value) => shop.choose('lang', value);

        // An amount edited in devtools: the shop's server refuses it (409), in each language.
        const refused = {};
        for (const value of ['ru', 'kk', 'en']) {
          speak(value);
          await priced();
          checkout.setAttribute('amount', '1.00');
          const failed = new Promise((resolve) => checkout.addEventListener('ktpay:failed', (e) => resolve(e.detail), { once: true }));
          void checkout.open();
          const detail = await failed;
          refused[value] = `${detail.source}: ${detail.message}`;
          checkout.close();
        }
        speak('ru');

        // Paid at the server's price, on the sandbox's payment page.
        await priced();
        const orderId = checkout.getAttribute('order-id');
        const result = checkout.open();
        const frame = () => checkout.shadowRoot.querySelector('iframe')?.contentDocument;
        const form = await until(() => {
          const card = frame()?.getElementById('card');
          return card && !card.hidden && frame().readyState === 'complete' ? frame() : undefined;
        }, 'the payment page');
        shop.enterCard(form);
        form.getElementById('card').requestSubmit();
        await until(() => form.getElementById('secure') && !form.getElementById('secure').hidden, '3-D Secure');
        form.getElementById('password').value = '12345678';
        form.getElementById('secure').requestSubmit();
        const outcome = await result;
        // What the server confirmed, from KTPay's callback.
        const confirmed = await shop.confirmed();
        return { orderId, outcome: outcome.outcome, provider: outcome.provider, confirmed, refused };
      });
      assert.deepEqual(seen.refused, {
        ru: 'auth: Сумма на странице не совпадает с суммой заказа в магазине.',
        kk: 'auth: Беттегі сома дүкендегі тапсырыс сомасымен сәйкес келмейді.',
        en: "auth: The amount on the page does not match the shop's order.",
      });
      assert.equal(seen.outcome, 'success');
      assert.equal(seen.provider, 'ktpay');
      const order = await deliver(`${origin}/demo-shop/orders/${encodeURIComponent(seen.orderId)}`, undefined, { method: 'GET' });
      assert.equal(order.json.outcome, 'paid');
      assert.equal(order.json.amount, 13500.5);
      assert.match(seen.confirmed, /^paid: completed, 13/);
    });

    test(`the demo shop pays through ePay and its server records the postLink (${name})`, { timeout: 90_000 }, async () => {
      await openShop(page, origin);
      const seen = await page.evaluate(async () => {
        const { until, shop } = window;
        const checkout = await shop.checkout();
        shop.choose('provider', 'epay');
        const invoiceId = checkout.getAttribute('order-id');
        await shop.priced(invoiceId);
        const result = checkout.open();
        const form = await until(() => {
          const doc = document.querySelector('.widget-overlay iframe')?.contentDocument;
          const card = doc?.getElementById('card');
          return card && !card.hidden && doc.readyState === 'complete' ? doc : undefined;
        }, "Halyk's form");
        shop.enterCard(form);
        form.getElementById('card').requestSubmit();
        form.getElementById('password').value = '12345678';
        form.getElementById('secure').requestSubmit();
        await until(() => !form.getElementById('result').hidden, "the form's outcome");
        form.getElementById('back').click();
        const outcome = await result;
        const confirmed = await shop.confirmed();
        return { invoiceId, outcome: outcome.outcome, provider: outcome.provider, confirmed };
      });
      assert.equal(seen.outcome, 'success');
      assert.equal(seen.provider, 'epay');
      assert.match(seen.invoiceId, /^\d{6,15}$/);
      const order = await deliver(`${origin}/demo-shop/orders/${seen.invoiceId}`, undefined, { method: 'GET' });
      assert.equal(order.json.outcome, 'paid');
      assert.equal(order.json.amount, 13500.5);
      assert.match(seen.confirmed, /^paid: completed, 13/);
    });
  });
}
