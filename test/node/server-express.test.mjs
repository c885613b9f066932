// The same handler mounted in Express 5, with and without Express's own body parsers before it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import express from 'express';
import { createCallbackHandler, ktpayCallbackUrl } from 'ktpay-checkout/server';
import { deliver, fixture, sendEndlessBody, serve } from './server-helpers.mjs';

const completed = fixture('ktpay-callback-completed');
const CALLBACK_SECRET = 'express-test-callback-secret';

const parsers = {
  'no body parser': [],
  'express.json()': [express.json()],
  'express.text() for any type': [express.text({ type: '*/*' })],
  'express.raw()': [express.raw({ type: 'application/json' })],
};

for (const [name, middleware] of Object.entries(parsers)) {
  test(`Express with ${name}: acknowledged once, repeats not handled again, bad bodies and missing tokens refused`, async (t) => {
    const results = [];
    const app = express();
    app.post('/ktpay/callback', ...middleware, createCallbackHandler({ callbackSecret: CALLBACK_SECRET, onResult: (callback) => void results.push(callback) }));
    const base = `${await serve(t, app)}/ktpay/callback`;
    // The URL sealed into the order: Express hands the handler its query as it came.
    const url = await ktpayCallbackUrl(base, completed.order_id, CALLBACK_SECRET);

    const answer = await deliver(url, completed);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, '{"status":"ok"}');
    assert.equal((await deliver(url, completed)).json.status, 'ok');
    assert.deepEqual(results, [completed]);
    assert.equal((await deliver(base, completed)).status, 403);

    const wrong = await deliver(url, { order_id: '1' });
    assert.equal(wrong.status, 400);
    assert.ok(wrong.json.problems.some((p) => p.field === 'transaction_hash'));
  });
}

test('Express without a body parser: an endless body gets 413', { timeout: 5000 }, async (t) => {
  const app = express();
  app.post('/ktpay/callback', createCallbackHandler({ callbackSecret: false, onResult() {} }));
  const answer = await sendEndlessBody(`${await serve(t, app)}/ktpay/callback`, 100 * 1024);
  assert.equal(answer.status, 413);
});
