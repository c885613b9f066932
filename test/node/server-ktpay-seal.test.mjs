// The merchant's seal endpoint (createKtpaySealHandler) over real HTTP on loopback: the order
// KTPay receives is the server's (amount, description, user…), sealed to the app key; the page
// gives only the order id, the amount it shows and its return URLs, on the shop's own origins.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import express from 'express';
import { createKtpaySealHandler } from 'ktpay-checkout/server';
import { SANDBOX_APP_KEY } from 'ktpay-checkout/sandbox';
import { deliver, openSealed, sendEndlessBody, serve } from './server-helpers.mjs';

const CALLBACK_SECRET = 'seal-test-callback-secret-9d2e';
const CALLBACK_POST_URL = 'https://shop.kz/ktpay/callback';
const ORDER = {
  amount: 15000,
  description: 'Абай жолы, 2 тома',
  user: { merchantUserId: 'buyer-7', email: 'buyer@shop.kz' },
  showCloseButton: false,
};
const SERVICE_ORDER = { amount: 2500.5, type: 'service', service: { serviceId: 12, contractValue: '77001234567' } };
const tokenOf = (orderId) => createHmac('sha256', CALLBACK_SECRET).update(orderId).digest('hex');

/** What the sealed body says, opened with the sandbox's published secret key. */
function open(sealed) {
  assert.match(sealed, /^[A-Za-z0-9+/]+={0,2}$/, 'standard base64 with padding');
  assert.equal(sealed.length % 4, 0);
  return openSealed(sealed);
}

/** The seal endpoint on loopback, with the merchant's orders, recording lookups and errors. */
async function setup(t, { orders = { 'A-100': ORDER, 'S-7': SERVICE_ORDER }, ...options } = {}) {
  const asked = [];
  const errors = [];
  const handler = createKtpaySealHandler({
    appKey: SANDBOX_APP_KEY,
    callbackSecret: CALLBACK_SECRET,
    callbackPostUrl: CALLBACK_POST_URL,
    resolveOrder: async (orderId, request) => (asked.push([orderId, request.method]), orders[orderId]),
    onError: (error, orderId) => errors.push([error, orderId]),
    ...options,
  });
  const url = await serve(t, handler);
  return { url, asked, errors };
}

describe('createKtpaySealHandler', () => {
  test("seals the server's order with the page's return URLs and the tokened callback URL: it opens into the expected JSON", async (t) => {
    const { url, asked } = await setup(t);
    const returnUrls = { success: `${url}/thanks?order=A-100`, failed: `${url}/cart`, back: `${url}/shop` };
    const answer = await deliver(url, { orderId: 'A-100', amount: 15000, returnUrls });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.match(answer.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(Object.keys(answer.json), ['sealed']);
    assert.deepEqual(await open(answer.json.sealed), {
      order: {
        order_id: 'A-100',
        amount: 15000,
        type: 'ecom',
        description: 'Абай жолы, 2 тома',
        callback_back_url: `${url}/shop`,
        callback_success_url: `${url}/thanks?order=A-100`,
        callback_failed_url: `${url}/cart`,
        callback_post_url: `${CALLBACK_POST_URL}?ktpay_token=${tokenOf('A-100')}`,
        show_close_button: false,
      },
      user: { merchant_user_id: 'buyer-7', email: 'buyer@shop.kz' },
    });
    assert.deepEqual(asked, [['A-100', 'POST']]);
  });

  test("a service order, without return URLs or a user: KTPay's service fields, no user", async (t) => {
    const { url } = await setup(t);
    const answer = await deliver(url, { orderId: 'S-7', amount: '2500.50' });
    assert.equal(answer.status, 200);
    assert.deepEqual(await open(answer.json.sealed), {
      order: {
        order_id: 'S-7',
        amount: 2500.5,
        type: 'service',
        service: { service_id: 12, contract_value: '77001234567' },
        callback_post_url: `${CALLBACK_POST_URL}?ktpay_token=${tokenOf('S-7')}`,
      },
    });
  });

  test("the order's fields come from resolveOrder only: the page's own fields are ignored", async (t) => {
    const { url } = await setup(t);
    const page = {
      orderId: 'A-100',
      amount: 15000,
      description: 'free',
      type: 'service',
      user: { email: 'evil@example.com' },
      callbackPostUrl: 'https://evil.example/cb',
      order: { amount: 1, callback_post_url: 'https://evil.example/cb' },
      returnUrls: { post: 'https://evil.example/cb' },
    };
    const { order, user } = await open((await deliver(url, page)).json.sealed);
    assert.equal(order.amount, 15000);
    assert.equal(order.type, 'ecom');
    assert.equal(order.description, ORDER.description);
    assert.equal(order.callback_post_url, `${CALLBACK_POST_URL}?ktpay_token=${tokenOf('A-100')}`);
    assert.deepEqual(user, { merchant_user_id: 'buyer-7', email: 'buyer@shop.kz' });
  });

  test("an amount that is not the order's gets 409, compared in tiyn; nothing is sealed", async (t) => {
    const { url } = await setup(t);
    const cheaper = await deliver(url, { orderId: 'A-100', amount: 1 });
    assert.equal(cheaper.status, 409);
    assert.deepEqual(cheaper.json, { status: 'error', problems: [{ field: 'amount', message: "is not the order's amount" }] });
    assert.equal((await deliver(url, { orderId: 'A-100', amount: 15000.01 })).status, 409);
    assert.equal((await deliver(url, { orderId: 'A-100', amount: '15000.00' })).status, 200);
    assert.equal((await deliver(url, { orderId: 'A-100', amount: 15000.001 })).status, 200);
  });

  test('an order resolveOrder does not give (null or undefined) gets 404', async (t) => {
    const { url, asked } = await setup(t, { orders: { paid: null } });
    for (const orderId of ['paid', 'unknown']) {
      const answer = await deliver(url, { orderId, amount: 100 });
      assert.equal(answer.status, 404);
      assert.deepEqual(answer.json.problems, [{ field: 'orderId', message: 'is not an order that can be paid' }]);
    }
    assert.deepEqual(asked.map(([orderId]) => orderId), ['paid', 'unknown']);
  });

  test('a body that is not the element\'s gets 400 with every problem, before resolveOrder', async (t) => {
    const { url, asked } = await setup(t);
    assert.deepEqual((await deliver(url, '{"orderId":')).json, { status: 'error', problems: [{ field: '', message: 'is not JSON' }] });
    const wrong = await deliver(url, { amount: 'lots', returnUrls: { success: 'javascript:alert(1)', failed: '/cart', back: 42 } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.json.problems.map((p) => p.field), ['orderId', 'amount', 'returnUrls.success', 'returnUrls.failed', 'returnUrls.back']);
    assert.equal((await deliver(url, { orderId: 'A-100', amount: 15000, returnUrls: 'https://shop.kz' })).status, 400);
    assert.deepEqual(asked, []);
  });

  test("by default, return URLs only on the request's own origin (http or https: a TLS proxy may sit in front)", async (t) => {
    const { url } = await setup(t);
    const own = new URL(url);
    const ok = (returnUrls) => deliver(url, { orderId: 'A-100', amount: 15000, returnUrls });
    assert.equal((await ok({ success: `http://${own.host}/thanks` })).status, 200);
    assert.equal((await ok({ success: `https://${own.host}/thanks` })).status, 200);
    for (const returnUrl of [
      'https://evil.example/thanks',
      `http://${own.hostname}:1/thanks`,
      `http://user:pass@${own.host}/thanks`,
      `ftp://${own.host}/thanks`,
      '/thanks',
    ]) {
      const answer = await ok({ failed: returnUrl });
      assert.equal(answer.status, 400, returnUrl);
      assert.deepEqual(answer.json.problems.map((p) => p.field), ['returnUrls.failed'], returnUrl);
    }
  });

  test('with returnOrigins, return URLs only on those origins', async (t) => {
    const { url } = await setup(t, { returnOrigins: ['https://shop.kz', 'https://www.shop.kz'] });
    const ask = (success) => deliver(url, { orderId: 'A-100', amount: 15000, returnUrls: { success } });
    assert.equal((await ask('https://shop.kz/thanks')).status, 200);
    assert.equal((await ask('https://www.shop.kz/thanks?x=1')).status, 200);
    assert.equal((await ask('http://shop.kz/thanks')).status, 400);
    assert.equal((await ask(`${url}/thanks`)).status, 400, 'the request\'s own origin is no longer implied');
    assert.equal((await ask('https://shop.kz.evil.example/thanks')).status, 400);
  });

  test('415 for a body that is not application/json: a cross-site form cannot mint seals', async (t) => {
    const { url, asked } = await setup(t);
    const body = JSON.stringify({ orderId: 'A-100', amount: 15000 });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      const answer = await deliver(url, body, { headers: { 'Content-Type': type } });
      assert.equal(answer.status, 415, type);
    }
    assert.equal((await deliver(url, body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })).status, 200);
    assert.equal((await deliver(url, body, { headers: { 'Content-Type': 'Application/JSON' } })).status, 200);
    assert.equal(asked.length, 2);
  });

  test('405 for another method, 413 for a large body (8 KiB by default), declared or streamed', { timeout: 5000 }, async (t) => {
    const { url, asked } = await setup(t);
    const get = await deliver(url, undefined, { method: 'GET' });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.equal((await deliver(url, { orderId: 'A-100', amount: 15000, pad: 'x'.repeat(9000) })).status, 413);
    assert.equal((await sendEndlessBody(url, 20_000)).status, 413);
    const small = await setup(t, { maxBodyBytes: 64 });
    assert.equal((await deliver(small.url, { orderId: 'A-100', amount: 15000, pad: 'x'.repeat(100) })).status, 413);
    assert.deepEqual([asked, small.asked], [[], []]);
  });

  test('resolveOrder throwing, or giving an order KTPay would refuse, gets 500 and onError; never the secret', async (t) => {
    const { url, errors } = await setup(t, {
      resolveOrder(orderId) {
        if (orderId === 'down') throw new Error('database is down');
        return { amount: 100.123, type: 'service' };
      },
    });
    const down = await deliver(url, { orderId: 'down', amount: 1 });
    assert.equal(down.status, 500);
    const bad = await deliver(url, { orderId: 'bad', amount: 100.12 });
    assert.equal(bad.status, 500);
    assert.deepEqual(errors.map(([error, orderId]) => [error.constructor.name, orderId]), [['Error', 'down'], ['TypeError', 'bad']]);
    for (const text of [down.text, bad.text, ...errors.map(([error]) => String(error.stack))]) assert.ok(!text.includes(CALLBACK_SECRET));
  });

  test('settings that cannot work throw a TypeError at creation', () => {
    const good = { appKey: SANDBOX_APP_KEY, callbackSecret: CALLBACK_SECRET, callbackPostUrl: CALLBACK_POST_URL, resolveOrder: () => ORDER };
    assert.doesNotThrow(() => createKtpaySealHandler(good));
    const bad = {
      'appKey not a key': { appKey: 'c2hvcnQ=' },
      'appKey missing': { appKey: undefined },
      'callbackSecret missing': { callbackSecret: undefined },
      'callbackSecret empty': { callbackSecret: '' },
      'callbackSecret false': { callbackSecret: false },
      'callbackPostUrl relative': { callbackPostUrl: '/ktpay/callback' },
      'callbackPostUrl not http(s)': { callbackPostUrl: 'ftp://shop.kz/cb' },
      'callbackPostUrl missing': { callbackPostUrl: undefined },
      'resolveOrder missing': { resolveOrder: undefined },
      'returnOrigins not origins': { returnOrigins: ['https://shop.kz/path'] },
      'returnOrigins not a list': { returnOrigins: 'https://shop.kz' },
    };
    for (const [name, change] of Object.entries(bad)) {
      assert.throws(() => createKtpaySealHandler({ ...good, ...change }), TypeError, name);
    }
  });

  for (const [name, middleware] of Object.entries({ 'no body parser': [], 'express.json()': [express.json()] })) {
    test(`in Express with ${name}`, async (t) => {
      const app = express();
      app.post('/ktpay/seal', ...middleware, createKtpaySealHandler({ appKey: SANDBOX_APP_KEY, callbackSecret: CALLBACK_SECRET, callbackPostUrl: CALLBACK_POST_URL, resolveOrder: () => ORDER }));
      const url = `${await serve(t, app)}/ktpay/seal`;
      const answer = await deliver(url, { orderId: 'A-100', amount: 15000, returnUrls: { success: `${new URL(url).origin}/thanks` } });
      assert.equal(answer.status, 200);
      assert.equal((await open(answer.json.sealed)).order.callback_success_url, `${new URL(url).origin}/thanks`);
      assert.equal((await deliver(url, { orderId: 'A-100', amount: 1 })).status, 409);
      assert.equal((await deliver(url, 'orderId=A-100', { headers: { 'Content-Type': 'text/plain' } })).status, 415);
    });
  }
});
