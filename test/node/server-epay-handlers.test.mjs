// The merchant's two ePay endpoints over real HTTP on loopback: the element's auth-url (a token
// for the server's own order, from a stand-in token server) and ePay's postLink (each result once,
// only with the merchant's secret_hash).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import express from 'express';
import { createEpayAuthHandler, createEpayPostLinkHandler, epayDeliveryKey, EpayTokenError, memoryStore, parseEpayPostLink } from 'ktpay-checkout/server';
import { clone, deadUrl, deferred, deliver, fixture, formOf, reply, sendEndlessBody, serve } from './server-helpers.mjs';

const SECRET = 'yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG';
const CREDENTIALS = { clientId: 'shop', clientSecret: SECRET, terminal: '67e34d63-102f-4bd1-898e-370781d0074d' };
const TOKEN = { access_token: 'DCEB8O_ZM5U7SO_T_U5EJQ', expires_in: 7200, refresh_token: '', scope: 'payment usermanagement', token_type: 'Bearer', extra: { kept: true } };
const ORDER = { amount: 15000, currency: 'KZT', secretHash: 'JDKCNDDGGDTPSKJD', postLink: 'https://shop.kz/epay/post-link', failurePostLink: 'https://shop.kz/epay/failed' };
const INVOICE = '000123456';

describe('createEpayAuthHandler', () => {
  /** A token server (answering `tokenAnswer`) and the auth endpoint on it, recording what happened. */
  async function setup(t, { tokenAnswer = (response) => reply(response, 200, TOKEN), orders = { [INVOICE]: ORDER }, ...options } = {}) {
    const forms = [];
    const tokenUrl = await serve(t, async (request, response) => {
      forms.push(await formOf(request));
      tokenAnswer(response);
    });
    const asked = [];
    const errors = [];
    const handler = createEpayAuthHandler({
      ...CREDENTIALS,
      tokenUrl,
      resolveOrder: async (invoiceId, request) => (asked.push([invoiceId, request.method]), orders[invoiceId]),
      onError: (error, invoiceId) => errors.push([error, invoiceId]),
      ...options,
    });
    return { url: await serve(t, handler), forms, asked, errors };
  }
  const browser = (extra = {}) => ({ invoiceId: INVOICE, amount: 15000, currency: 'KZT', ...extra });

  test("answers Halyk's token object whole, not cached, asked for the server's order", async (t) => {
    const { url, forms, asked } = await setup(t);
    const answer = await deliver(url, browser());
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, TOKEN);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.match(answer.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(asked, [[INVOICE, 'POST']]);
    assert.deepEqual(forms, [
      {
        grant_type: 'client_credentials',
        scope: 'payment usermanagement',
        client_id: 'shop',
        client_secret: SECRET,
        terminal: CREDENTIALS.terminal,
        secret_hash: 'JDKCNDDGGDTPSKJD',
        invoiceID: INVOICE,
        amount: '15000',
        currency: 'KZT',
        postLink: 'https://shop.kz/epay/post-link',
        failurePostLink: 'https://shop.kz/epay/failed',
      },
    ]);
  });

  test('a browser amount or currency that is not the order\'s gets 409, and no token is asked for', async (t) => {
    const { url, forms } = await setup(t);
    const cheaper = await deliver(url, browser({ amount: 1 }));
    assert.equal(cheaper.status, 409);
    assert.deepEqual(cheaper.json.problems, [{ field: 'amount', message: "is not the order's amount" }]);
    const dollars = await deliver(url, browser({ currency: 'USD' }));
    assert.equal(dollars.status, 409);
    assert.deepEqual(dollars.json.problems.map((p) => p.field), ['currency']);
    assert.equal((await deliver(url, browser({ amount: '15000.00' }))).status, 200, 'the same amount, spelled as a string');
    assert.equal(forms.length, 1);
    assert.equal(forms[0].amount, '15000');
  });

  test('an unknown order gets 404, a bad body 400, another method 405, a large body 413', async (t) => {
    const { url, forms } = await setup(t, { maxBodyBytes: 256 });
    const unknown = await deliver(url, browser({ invoiceId: '999999999' }));
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.json.problems.map((p) => p.field), ['invoiceId']);

    assert.deepEqual((await deliver(url, 'invoiceId=1')).json, { status: 'error', problems: [{ field: '', message: 'is not JSON' }] });
    const wrong = await deliver(url, { invoiceId: 'A-1', amount: 'lots' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.json.problems.map((p) => p.field), ['invoiceId', 'amount', 'currency']);

    const get = await deliver(url, undefined, { method: 'GET' });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');

    const large = await deliver(url, browser({ pad: 'x'.repeat(1000) }));
    assert.equal(large.status, 413);
    const endless = await sendEndlessBody(url, 10_000);
    assert.equal(endless.status, 413);
    assert.equal(forms.length, 0);
  });

  test('Halyk failing gets 502 that never holds the secret; onError hears why', async (t) => {
    const { url, errors } = await setup(t, { tokenAnswer: (response) => reply(response, 500, `client_secret=${SECRET}`) });
    const answer = await deliver(url, browser());
    assert.equal(answer.status, 502);
    assert.ok(!answer.text.includes(SECRET));
    assert.equal(errors.length, 1);
    assert.ok(errors[0][0] instanceof EpayTokenError);
    assert.deepEqual([errors[0][0].reason, errors[0][0].status, errors[0][1]], ['http', 500, INVOICE]);

    const refused = await setup(t, { tokenAnswer: (response) => reply(response, 401, { error: 'invalid_client', error_description: SECRET }) });
    const refusal = await deliver(refused.url, browser());
    assert.equal(refusal.status, 502);
    assert.ok(!refusal.text.includes(SECRET));
  });

  test('Halyk down gets 502', async (t) => {
    const errors = [];
    const handler = createEpayAuthHandler({ ...CREDENTIALS, tokenUrl: await deadUrl(), resolveOrder: () => ORDER, onError: (e) => errors.push(e) });
    const answer = await deliver(await serve(t, handler), browser());
    assert.equal(answer.status, 502);
    assert.equal(errors[0].reason, 'network');
  });

  test('resolveOrder throwing, or giving an order without a secretHash, gets 500 and onError', async (t) => {
    const { url, errors, forms } = await setup(t, {
      resolveOrder(invoiceId) {
        if (invoiceId === INVOICE) throw new Error('database is down');
        return { ...ORDER, secretHash: '' };
      },
    });
    const down = await deliver(url, browser());
    assert.equal(down.status, 500);
    assert.deepEqual(errors.map(([error, invoiceId]) => [error.message, invoiceId]), [['database is down', INVOICE]]);
    const unset = await deliver(url, browser({ invoiceId: '111111111' }));
    assert.equal(unset.status, 500);
    assert.ok(errors[1][0] instanceof TypeError);
    assert.equal(forms.length, 0);
  });

  for (const [name, middleware] of Object.entries({ 'no body parser': [], 'express.json()': [express.json()] })) {
    test(`in Express with ${name}`, async (t) => {
      const tokenUrl = await serve(t, (request, response) => reply(response, 200, TOKEN));
      const app = express();
      app.post('/epay/auth', ...middleware, createEpayAuthHandler({ ...CREDENTIALS, tokenUrl, resolveOrder: () => ORDER }));
      const url = `${await serve(t, app)}/epay/auth`;
      assert.deepEqual((await deliver(url, browser())).json, TOKEN);
      assert.equal((await deliver(url, browser({ amount: 1 }))).status, 409);
    });
  }
});

describe('createEpayPostLinkHandler', () => {
  const SECRET_HASH = 'JDKCNDDGGDTPSKJD';
  const paid = { ...fixture('epay-post-link-success'), secret_hash: SECRET_HASH };
  const declined = { ...fixture('epay-post-link-failure'), secret_hash: SECRET_HASH };
  const secrets = { [paid.invoiceId]: SECRET_HASH, [declined.invoiceId]: SECRET_HASH };

  /** The postLink endpoint, recording the results and the lookups. */
  async function endpoint(t, options = {}) {
    const results = [];
    const looked = [];
    const errors = [];
    const handler = createEpayPostLinkHandler({
      secretHash: async (invoiceId) => (looked.push(invoiceId), secrets[invoiceId]),
      onResult: (postLink) => void results.push(postLink),
      onError: (error, postLink) => errors.push([error.message, postLink?.invoiceId]),
      ...options,
    });
    return { url: await serve(t, handler), results, looked, errors };
  }

  test('with the right secret_hash: 200 {"status":"ok"}, and onResult has the typed body', async (t) => {
    const { url, results, looked } = await endpoint(t);
    const answer = await deliver(url, paid);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, '{"status":"ok"}');
    assert.deepEqual(looked, ['191111111']);
    assert.deepEqual(results, [paid]);
    assert.equal((await deliver(url, declined)).status, 200);
    assert.deepEqual(results.map((r) => [r.code, r.reasonCode]), [['ok', 0], ['error', -498]]);
  });

  test('a wrong, missing or unknown secret_hash gets 403 and never reaches onResult', async (t) => {
    const { url, results } = await endpoint(t);
    const wrong = await deliver(url, { ...paid, secret_hash: 'JDKCNDDGGDTPSKJ' });
    assert.equal(wrong.status, 403);
    assert.deepEqual(wrong.json.problems, [{ field: 'secret_hash', message: 'does not match' }]);
    const missing = clone(paid);
    delete missing.secret_hash;
    assert.equal((await deliver(url, missing)).status, 403);
    assert.equal((await deliver(url, { ...paid, secret_hash: '' })).status, 403);
    // An invoice the shop does not know (secretHash gives undefined): the same answer as a wrong secret.
    const unknown = await deliver(url, { ...paid, invoiceId: '555555555' });
    assert.equal(unknown.status, 403);
    assert.deepEqual(unknown.json, wrong.json);
    assert.deepEqual(results, []);
  });

  test("a forged body refused first does not stop ePay's genuine one", async (t) => {
    const { url, results } = await endpoint(t);
    assert.equal((await deliver(url, { ...paid, secret_hash: 'guess' })).status, 403);
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(results.length, 1);
  });

  test('a body that is not a postLink gets 400 and no lookup; other methods 405', async (t) => {
    const { url, results, looked } = await endpoint(t);
    const notJson = await deliver(url, 'code=ok');
    assert.equal(notJson.status, 400);
    const wrong = await deliver(url, { ...paid, invoiceId: 'A-1', code: 'paid' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.json.problems.map((p) => p.field), ['invoiceId', 'code']);
    const get = await deliver(url, undefined, { method: 'GET' });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.deepEqual([results, looked], [[], []]);
  });

  test('answers only after onResult has resolved', async (t) => {
    const stored = deferred();
    const called = deferred();
    const order = [];
    const { url } = await endpoint(t, { onResult: () => (called.resolve(), stored.promise) });
    const answered = deliver(url, paid).then((answer) => (order.push('answered'), answer));
    await called.promise;
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('stored');
    stored.resolve();
    assert.equal((await answered).status, 200);
    assert.deepEqual(order, ['stored', 'answered']);
  });

  test('repeats are acknowledged without calling onResult again; another code or amount is another result', async (t) => {
    const { url, results } = await endpoint(t);
    for (let i = 0; i < 3; i++) assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(results.length, 1);
    assert.equal((await deliver(url, { ...paid, code: 'error', reasonCode: 454 })).status, 200);
    assert.equal((await deliver(url, { ...paid, amount: 1 })).status, 200);
    assert.deepEqual(results.map((r) => [r.code, r.amount]), [['ok', 100], ['error', 100], ['ok', 1]]);
  });

  test('concurrent repeats: onResult runs once, every delivery answered 200 after it', async (t) => {
    let calls = 0;
    const { url } = await endpoint(t, { onResult: () => (calls++, new Promise((resolve) => setTimeout(resolve, 50))) });
    const answers = await Promise.all(Array.from({ length: 8 }, () => deliver(url, paid)));
    assert.deepEqual(answers.map((a) => a.status), Array(8).fill(200));
    assert.equal(calls, 1);
  });

  test('two handlers on one store: each result once', async (t) => {
    const store = memoryStore();
    const first = await endpoint(t, { store });
    const second = await endpoint(t, { store });
    const answers = await Promise.all([first.url, second.url, first.url, second.url].map((url) => deliver(url, paid)));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200]);
    assert.equal(first.results.length + second.results.length, 1);
  });

  test('a failing onResult gets 500 and releases the result: the repeat is handled', async (t) => {
    let attempts = 0;
    const { url, errors } = await endpoint(t, {
      onResult() {
        if (++attempts === 1) throw new Error('database is down');
      },
    });
    assert.equal((await deliver(url, paid)).status, 500);
    assert.deepEqual(errors, [['database is down', '191111111']]);
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(attempts, 2);
  });

  test('a failing secretHash lookup gets 500 and onError; nothing is claimed, so the repeat is handled', async (t) => {
    let lookups = 0;
    const { url, results, errors } = await endpoint(t, {
      secretHash() {
        if (++lookups === 1) throw new Error('orders are down');
        return SECRET_HASH;
      },
    });
    assert.equal((await deliver(url, paid)).status, 500);
    assert.deepEqual(errors, [['orders are down', '191111111']]);
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(results.length, 1);
  });

  test('an oversized body gets 413, declared or streamed', { timeout: 5000 }, async (t) => {
    const { url, results } = await endpoint(t, { maxBodyBytes: 2048 });
    const large = await deliver(url, { ...paid, description: 'x'.repeat(3000) });
    assert.equal(large.status, 413);
    assert.deepEqual(large.json.problems, [{ field: '', message: 'is larger than 2048 bytes' }]);
    assert.equal((await sendEndlessBody(url, 10_000)).status, 413);
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(results.length, 1);
  });

  test('a result another process holds longer than waitMs gets 503 with Retry-After', async (t) => {
    const store = memoryStore();
    await store.claim(epayDeliveryKey(parseEpayPostLink(paid, { secretHash: SECRET_HASH }).postLink), 60_000);
    const { url, results } = await endpoint(t, { store, waitMs: 200, leaseMs: 30_000 });
    const answer = await deliver(url, paid);
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '30');
    assert.deepEqual(results, []);
  });

  test('epayDeliveryKey: each field that makes a result changes it; the same body keeps it', () => {
    const key = (body) => epayDeliveryKey(parseEpayPostLink(body, { skipSecretHashCheck: true }).postLink);
    const base = key(paid);
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(key(clone(paid)), base);
    assert.equal(key({ ...paid, amount: '100' }), base, 'the same amount spelled as a string');
    assert.equal(key({ ...paid, ip: '10.0.0.1', email: 'x@y.kz' }), base, 'fields that are not the result');
    const changes = { id: { id: 'other' }, invoiceId: { invoiceId: '191111112' }, terminal: { terminal: 'T-2' }, amount: { amount: 101 }, currency: { currency: 'USD' }, code: { code: 'error' }, reasonCode: { reasonCode: 454 } };
    for (const [name, change] of Object.entries(changes)) assert.notEqual(key({ ...paid, ...change }), base, name);
  });
});
