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
