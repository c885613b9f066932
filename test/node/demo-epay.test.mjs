// The demo shop paying through Halyk ePay, end to end as `npm run demo` runs it, in each engine:
// the page tells its server the cart, the element gets the token from the shop's auth-url
// (createEpayAuthHandler, Halyk's token from the sandbox's stand-in), the buyer pays on the
// sandbox's form in Halyk's overlay, and the shop's server records ePay's postLink
// (createEpayPostLinkHandler) once Halyk's status API (the sandbox's, on the demo's server)
// confirms it, which the page then shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { engines } from './browsers.mjs';
import { openShop, startDemo } from './demo-server.mjs';
import { deliver } from './server-helpers.mjs';

let demo;
let origin;
before(async () => ({ origin } = demo = await startDemo()));
after(() => demo?.close());

for (const { name, open } of engines()) {
  test(`the demo shop pays through ePay and its server records the postLink (${name})`, { timeout: 90_000 }, async (t) => {
    const page = await open();
    t.after(() => page.close());
    await openShop(page, origin);
    const seen = await page.evaluate(async () => {
      const { until } = window;
      await customElements.whenDefined('ktpay-checkout');
      const checkout = document.querySelector('ktpay-checkout');
      const provider = document.getElementById('provider');
      provider.value = 'epay';
      provider.dispatchEvent(new Event('change'));
      const invoiceId = checkout.getAttribute('order-id');
      // The shop's server has priced this order's cart: the amount on the button is its own.
      await until(() => document.getElementById('total').dataset.pricedBy === 'server' && document.getElementById('total').dataset.asked.includes(invoiceId), 'the server pricing the cart');
      const result = checkout.open();
      const form = await until(() => {
        const doc = document.querySelector('.widget-overlay iframe')?.contentDocument;
        const card = doc?.getElementById('card');
        return card && !card.hidden && doc.readyState === 'complete' ? doc : undefined;
      }, "Halyk's form");
      const enter = (id, value) => {
        form.getElementById(id).value = value;
      };
      enter('cc-number', '4111 1111 1111 1111');
      enter('cc-exp', '12/29');
      enter('cc-csc', '123');
      enter('cc-name', 'TEST BUYER');
      form.getElementById('card').requestSubmit();
      enter('password', '12345678');
      form.getElementById('secure').requestSubmit();
      await until(() => !form.getElementById('result').hidden, "the form's outcome");
      form.getElementById('back').click();
      const outcome = await result;
      // The page's "behind the counter" table: what the server confirmed.
      const confirmed = await until(() => [...document.querySelectorAll('#orders td.paid')].map((td) => td.textContent).find((text) => text.startsWith('paid:')), 'the server view');
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
}
