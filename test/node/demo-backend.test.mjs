// The demo shop's server (demo/merchant-backend.ts), as `npm run demo` runs it: vite's dev server
// with the callback endpoint and the order view the shop page reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDemo } from './demo-server.mjs';
import { deliver, fixture, openSealed } from './server-helpers.mjs';

/** The demo's dev server, as `npm run demo` runs it, on a free port until the test ends. */
async function demoServer(t) {
  const { origin, close } = await startDemo();
  t.after(close);
  return origin;
}


test("npm run demo seals KTPay orders at the server's price, and takes only callbacks carrying the order's token", { timeout: 30_000 }, async (t) => {
  const origin = await demoServer(t);
  const orderId = 'T-DEMO1';
  const returnUrls = { success: `${origin}/demo/?ktpay-checkout=success.0123456789abcdef`, failed: `${origin}/demo/?ktpay-checkout=failed.0123456789abcdef` };

  // The page sends quantities; the server prices them (3 200 + 5 600 ₸, plus delivery 1 100,50 ₸).
  const priced = await deliver(`${origin}/demo-shop/carts/${orderId}`, [{ id: 'kara-soz', qty: 1 }, { id: 'abai-joly', qty: 1 }], { method: 'PUT' });
  assert.deepEqual(priced.json, { orderId, amount: 9900.5 });
  assert.equal((await deliver(`${origin}/demo-shop/carts/${orderId}`, [{ id: 'kara-soz', qty: 99 }], { method: 'PUT' })).status, 400);

  // The element's seal-url: the page's amount must be the server's; an order it did not price is not one.
  const seal = (body, headers) => deliver(`${origin}/demo-shop/ktpay/seal`, body, { headers });
  assert.equal((await seal({ orderId, amount: 1, returnUrls })).status, 409);
  assert.equal((await seal({ orderId: 'T-NOPE', amount: 9900.5, returnUrls })).status, 404);
  assert.equal((await seal({ orderId, amount: 9900.5, returnUrls: { success: 'https://elsewhere.example/' } })).status, 400);
  assert.equal((await seal(JSON.stringify({ orderId, amount: 9900.5, returnUrls }), { 'Content-Type': 'text/plain' })).status, 415);
  const answer = await seal({ orderId, amount: 9900.5, returnUrls });
  assert.equal(answer.status, 200);
  const { order } = await openSealed(answer.json.sealed);
  assert.equal(order.amount, 9900.5);
  assert.equal(order.callback_success_url, returnUrls.success);
  const callbackUrl = new URL(order.callback_post_url);
  assert.equal(`${callbackUrl.origin}${callbackUrl.pathname}`, `${origin}/demo-shop/ktpay/callback`);
  assert.match(callbackUrl.searchParams.get('ktpay_token'), /^[0-9a-f]{64}$/);

  // KTPay's callback: without the order's token, refused, whatever it says; with it, recorded.
  const callback = { ...fixture('ktpay-callback-completed'), order_id: orderId, amount: 9900.5 };
  assert.equal((await deliver(`${origin}/demo-shop/ktpay/callback`, callback)).status, 403);
  assert.equal((await deliver(`${origin}/demo-shop/orders/${orderId}`, undefined, { method: 'GET' })).status, 404);
  assert.equal((await deliver(callbackUrl.href, callback)).text, '{"status":"ok"}');
  const recorded = await deliver(`${origin}/demo-shop/orders/${orderId}`, undefined, { method: 'GET' });
  assert.deepEqual(
    { ...recorded.json, confirmedAt: undefined },
    { orderId, outcome: 'paid', status: 'completed', amount: 9900.5, transactionHash: callback.transaction_hash, error: null, confirmedAt: undefined },
  );
  assert.equal((await deliver(callbackUrl.href, { order_id: orderId })).status, 400);
  // Paid: no second seal for it.
  assert.equal((await seal({ orderId, amount: 9900.5, returnUrls })).status, 404);
});

test('the first address npm run demo prints, the site root, shows the demo shop', { timeout: 30_000 }, async (t) => {
  const { server, close } = await startDemo();
  t.after(close);
  const [first] = server.resolvedUrls.local;
  const response = await fetch(first);
  assert.equal(response.status, 200);
  assert.equal(new URL(response.url).pathname, '/demo/');
  assert.match(await response.text(), /<title>[^<]*demo shop for &lt;ktpay-checkout&gt;<\/title>/);
});

test("npm run demo serves the ePay half: the server prices the cart, issues the token, and counts a postLink only once Halyk confirms it", { timeout: 30_000 }, async (t) => {
  const origin = await demoServer(t);
  const invoiceId = '202611290001';
  const priced = await deliver(`${origin}/demo-shop/carts/${invoiceId}`, [{ id: 'kara-soz', qty: 1 }, { id: 'abai-joly', qty: 1 }], { method: 'PUT' });
  assert.deepEqual(priced.json, { orderId: invoiceId, amount: 9900.5 });

  // The element's auth-url: the browser's amount must be the server's.
  assert.equal((await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId, amount: 1, currency: 'KZT' })).status, 409);
  assert.equal((await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId: '999999999', amount: 1, currency: 'KZT' })).status, 404);
  const token = await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId, amount: 9900.5, currency: 'KZT' });
  assert.equal(token.status, 200);
  assert.equal(token.json.token_type, 'Bearer');
  // The sandbox's token carries its order (sandbox only): both postLinks are the server's, and its secret_hash.
  const issued = JSON.parse(decodeURIComponent(atob(token.json.access_token.split('.')[1])));
  assert.equal(issued.amount, 9900.5);
  assert.equal(issued.postLink, `${origin}/demo-shop/epay/post-link`);
  assert.equal(issued.failurePostLink, issued.postLink);

  // A postLink saying "paid" with the right secret_hash (leaked, say) while Halyk has no payment: not counted.
  const postLink = { ...fixture('epay-post-link-success'), invoiceId, amount: 9900.5, secret_hash: issued.secretHash };
  assert.equal((await deliver(`${origin}/demo-shop/epay/post-link`, { ...postLink, secret_hash: 'forged' })).status, 403);
  assert.equal((await deliver(`${origin}/demo-shop/epay/post-link`, postLink)).status, 503);
  assert.equal((await deliver(`${origin}/demo-shop/orders/${invoiceId}`, undefined, { method: 'GET' })).status, 404);

  // The buyer pays on Halyk's form (the sandbox's, on the demo's server): Halyk records it and
  // delivers the postLink, which the server confirms with Halyk's status API, then records.
  const paid = await deliver(`${origin}/sandbox/epay/payform/api/pay`, { payment: { invoiceId, amount: 9900.5, auth: token.json }, reasonCode: 0, cardMask: '4111...1111' });
  assert.equal(paid.json.success, true);
  let order;
  for (let tries = 0; tries < 100 && order?.status !== 200; tries++) {
    order = await deliver(`${origin}/demo-shop/orders/${invoiceId}`, undefined, { method: 'GET' });
    if (order.status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual({ ...order.json, confirmedAt: undefined, transactionHash: undefined }, {
    orderId: invoiceId,
    outcome: 'paid',
    status: 'completed',
    amount: 9900.5,
    transactionHash: undefined,
    error: null,
    confirmedAt: undefined,
  });
  // Paid: no second token for it.
  assert.equal((await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId, amount: 9900.5, currency: 'KZT' })).status, 404);
});
