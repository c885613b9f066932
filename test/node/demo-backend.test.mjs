// The demo shop's server (demo/merchant-backend.ts), as `npm run demo` runs it: vite's dev server
// with the callback endpoint and the order view the shop page reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServer } from 'vite';
import { deliver, fixture } from './server-helpers.mjs';

test('npm run demo serves the callback endpoint, and the order it confirmed', { timeout: 30_000 }, async (t) => {
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0, hmr: false } });
  await server.listen();
  t.after(() => server.close());
  const origin = `http://localhost:${server.httpServer.address().port}`;

  assert.equal((await deliver(`${origin}/demo-shop/orders/1`, undefined, { method: 'GET' })).status, 404);
  const callback = fixture('ktpay-callback-error');
  const answer = await deliver(`${origin}/demo-shop/ktpay/callback`, callback);
  assert.equal(answer.text, '{"status":"ok"}');

  const order = await deliver(`${origin}/demo-shop/orders/1`, undefined, { method: 'GET' });
  assert.equal(order.status, 200);
  assert.deepEqual(
    { ...order.json, confirmedAt: undefined },
    {
      orderId: '1',
      outcome: 'failed',
      status: 'error',
      amount: 1000,
      transactionHash: callback.transaction_hash,
      error: callback.status.error,
      confirmedAt: undefined,
    },
  );
  assert.equal((await deliver(`${origin}/demo-shop/ktpay/callback`, { order_id: '1' })).status, 400);
});

test('the first address npm run demo prints, the site root, shows the demo shop', { timeout: 30_000 }, async (t) => {
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0, hmr: false } });
  await server.listen();
  t.after(() => server.close());
  const [first] = server.resolvedUrls.local;
  const response = await fetch(first);
  assert.equal(response.status, 200);
  assert.equal(new URL(response.url).pathname, '/demo/');
  assert.match(await response.text(), /<title>[^<]*demo shop for &lt;ktpay-checkout&gt;<\/title>/);
});

test('npm run demo serves the ePay half: the server prices the cart, issues the token, takes the postLink', { timeout: 30_000 }, async (t) => {
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0, hmr: false } });
  await server.listen();
  t.after(() => server.close());
  const origin = `http://localhost:${server.httpServer.address().port}`;
  const invoiceId = '202611290001';

  // The page sends quantities; the server prices them (3 200 + 5 600 ₸, plus delivery 1 100,50 ₸).
  const priced = await deliver(`${origin}/demo-shop/epay/orders/${invoiceId}`, [{ id: 'kara-soz', qty: 1 }, { id: 'abai-joly', qty: 1 }], { method: 'PUT' });
  assert.deepEqual(priced.json, { invoiceId, amount: 9900.5 });
  assert.equal((await deliver(`${origin}/demo-shop/epay/orders/${invoiceId}`, [{ id: 'kara-soz', qty: 99 }], { method: 'PUT' })).status, 400);

  // The element's auth-url: the browser's amount must be the server's.
  assert.equal((await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId, amount: 1, currency: 'KZT' })).status, 409);
  assert.equal((await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId: '999999999', amount: 1, currency: 'KZT' })).status, 404);
  const token = await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId, amount: 9900.5, currency: 'KZT' });
  assert.equal(token.status, 200);
  assert.equal(token.json.token_type, 'Bearer');
  // The sandbox's token carries its order (sandbox only): the secret_hash ePay will return.
  const issued = JSON.parse(decodeURIComponent(atob(token.json.access_token.split('.')[1])));
  assert.equal(issued.amount, 9900.5);
  assert.equal(issued.postLink, `${origin}/demo-shop/epay/post-link`);

  const postLink = { ...fixture('epay-post-link-success'), invoiceId, amount: 9900.5, secret_hash: issued.secretHash };
  assert.equal((await deliver(`${origin}/demo-shop/epay/post-link`, { ...postLink, secret_hash: 'forged' })).status, 403);
  assert.equal((await deliver(`${origin}/demo-shop/orders/${invoiceId}`, undefined, { method: 'GET' })).status, 404);
  assert.equal((await deliver(`${origin}/demo-shop/epay/post-link`, postLink)).status, 200);
  const order = await deliver(`${origin}/demo-shop/orders/${invoiceId}`, undefined, { method: 'GET' });
  assert.deepEqual({ ...order.json, confirmedAt: undefined }, {
    orderId: invoiceId,
    outcome: 'paid',
    status: 'completed',
    amount: 9900.5,
    transactionHash: postLink.id,
    error: null,
    confirmedAt: undefined,
  });
  // Paid: no second token for it.
  assert.equal((await deliver(`${origin}/demo-shop/epay/auth`, { invoiceId, amount: 9900.5, currency: 'KZT' })).status, 404);
});
