// KTPay's callback to the merchant's server (seed 000): parsed, and handled over real HTTP on
// loopback, against the built package as merchants import it.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { TRANSACTION_STATUSES, createCallbackHandler, deliveryKey, ktpayCallbackUrl, memoryStore, outcomeOfStatus, parseCallback } from 'ktpay-checkout/server';
import { arrivals, clone, deferred, deliver, fixture, sendEndlessBody, serve } from './server-helpers.mjs';

const completed = fixture('ktpay-callback-completed');
const failed = fixture('ktpay-callback-error');
const fieldsOf = (result) => result.problems.map((problem) => problem.field);

describe('parseCallback', () => {
  test("reads seed 000's success and error bodies, typed", () => {
    const success = parseCallback(JSON.stringify(completed));
    assert.equal(success.ok, true);
    assert.deepEqual(success.callback, completed);
    assert.equal(outcomeOfStatus(success.callback.status.status), 'paid');

    const error = parseCallback(Buffer.from(JSON.stringify(failed)));
    assert.equal(error.ok, true);
    assert.deepEqual(error.callback.status.error, { error_type: 'ERROR_PAYMENT', error_message: 'KKB rejected payment' });
    assert.equal(outcomeOfStatus(error.callback.status.status), 'failed');
  });

  test('takes JSON a framework already parsed, and a body that starts with a byte-order mark', () => {
    assert.deepEqual(parseCallback(clone(completed)), { ok: true, callback: completed });
    assert.equal(parseCallback(`\uFEFF${JSON.stringify(completed)}`).ok, true);
  });

  test('accepts every status of seed 000, and says which are paid', () => {
    const outcomes = TRANSACTION_STATUSES.map((status) => {
      const body = clone(completed);
      body.status.status = status;
      const parsed = parseCallback(body);
      assert.equal(parsed.ok, true, status);
      return [status, outcomeOfStatus(parsed.callback.status.status)];
    });
    assert.deepEqual(Object.fromEntries(outcomes), {
      pending: 'pending',
      authorized: 'paid',
      success: 'paid',
      completed: 'paid',
      error: 'failed',
      denied: 'failed',
    });
  });

  test('reads loosely typed numbers and ids as the documented types, and ignores fields it does not know', () => {
    const body = { ...clone(completed), merchant_id: '1', order_id: 42, amount: '1000.50', card_mask: '4405…1234' };
    delete body.description;
    const parsed = parseCallback(body);
    assert.equal(parsed.ok, true);
    assert.equal(parsed.callback.merchant_id, 1);
    assert.equal(parsed.callback.order_id, '42');
    assert.equal(parsed.callback.amount, 1000.5);
    assert.equal(parsed.callback.description, null);
    assert.equal('card_mask' in parsed.callback, false);
  });

  test("keeps an error's acquirer code where the sender adds one", () => {
    const body = clone(failed);
    body.status.error.code = 51;
    assert.equal(parseCallback(body).callback.status.error.code, '51');
  });

  test('lists every bad field by its path', () => {
    const body = clone(failed);
    delete body.transaction_hash;
    body.merchant_id = 1.5;
    body.amount = -1;
    body.created_at = 'yesterday';
    body.status.status = 'paid';
    body.status.error.error_type = 'ERROR_BANK';
    const parsed = parseCallback(body);
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.problems, [
      { field: 'merchant_id', message: 'must be an integer' },
      { field: 'amount', message: 'must be at least 0' },
      { field: 'transaction_hash', message: 'is required' },
      { field: 'created_at', message: 'must be an ISO 8601 date and time' },
      { field: 'status.status', message: 'must be one of pending, authorized, success, completed, error, denied' },
      { field: 'status.error.error_type', message: 'must be one of ERROR_PAYMENT, ERROR_INPUT, ERROR_SYSTEM' },
    ]);
  });

  test('refuses what is not a callback at all', () => {
    assert.deepEqual(parseCallback('{"merchant_id":'), { ok: false, problems: [{ field: '', message: 'is not JSON' }] });
    assert.deepEqual(parseCallback('[]').problems, [{ field: '', message: 'must be a JSON object' }]);
    assert.deepEqual(parseCallback(undefined).problems, [{ field: '', message: 'must be a JSON object' }]);
    assert.deepEqual(fieldsOf(parseCallback({})), ['merchant_id', 'order_id', 'amount', 'transaction_hash', 'created_at', 'status']);
    assert.deepEqual(fieldsOf(parseCallback({ ...clone(completed), status: 'completed' })), ['status']);
    assert.deepEqual(fieldsOf(parseCallback({ ...clone(completed), order_id: { $ne: null } })), ['order_id']);
  });
});

describe('createCallbackHandler', () => {
  /** A handler on loopback that records what it was given. */
  async function endpoint(t, options = {}) {
    const results = [];
    const handler = createCallbackHandler({ callbackSecret: false, onResult: (callback) => void results.push(callback), ...options });
    return { url: await serve(t, handler), results };
  }

  test('answers {"status":"ok"} as JSON and hands the merchant the typed result', async (t) => {
    const { url, results } = await endpoint(t);
    const answer = await deliver(url, completed);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type'), /^application\/json/);
    assert.equal(answer.text, '{"status":"ok"}');
    assert.deepEqual(results, [completed]);
  });

  test('answers only after onResult has resolved', async (t) => {
    const stored = deferred();
    const called = deferred();
    const order = [];
    const url = await serve(t, createCallbackHandler({ callbackSecret: false, onResult: () => (called.resolve(), stored.promise) }));
    const answered = deliver(url, completed).then((answer) => (order.push('answered'), answer));
    await called.promise;
    // Give an early answer every chance to arrive before the merchant's storage finishes.
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('stored');
    stored.resolve();
    assert.equal((await answered).json.status, 'ok');
    assert.deepEqual(order, ['stored', 'answered']);
  });

  test('acknowledges a repeated result without calling onResult again; a new status is a new result', async (t) => {
    const { url, results } = await endpoint(t);
    for (let i = 0; i < 3; i++) assert.equal((await deliver(url, completed)).json.status, 'ok');
    assert.equal(results.length, 1);

    const authorized = clone(completed);
    authorized.status.status = 'authorized';
    assert.equal((await deliver(url, authorized)).json.status, 'ok');
    const other = { ...clone(completed), transaction_hash: 'b'.repeat(40) };
    assert.equal((await deliver(url, other)).json.status, 'ok');
    assert.deepEqual(
      results.map((r) => [r.transaction_hash.slice(0, 4), r.status.status]),
      [['af7e', 'completed'], ['af7e', 'authorized'], ['bbbb', 'completed']],
    );
  });

  test('concurrent repeats: onResult runs once and every delivery is acknowledged after it', async (t) => {
    let calls = 0;
    const eight = arrivals(createCallbackHandler({ callbackSecret: false, onResult: () => (calls++, eight.all) }), 8);
    const url = await serve(t, eight.handler);
    const answers = await Promise.all(Array.from({ length: 8 }, () => deliver(url, completed)));
    assert.deepEqual(answers.map((a) => a.text), Array(8).fill('{"status":"ok"}'));
    assert.equal(calls, 1);
  });

  test("a failing onResult gets a 500 (so KTPay retries) and the retry calls it again", async (t) => {
    const errors = [];
    let attempts = 0;
    const url = await serve(
      t,
      createCallbackHandler({
        callbackSecret: false,
        onResult() {
          if (++attempts === 1) throw new Error('database is down');
        },
        onError: (error, callback) => errors.push([error.message, callback.order_id]),
      }),
    );
    const first = await deliver(url, failed);
    assert.equal(first.status, 500);
    assert.notEqual(first.json.status, 'ok');
    assert.deepEqual(errors, [['database is down', '1']]);

    assert.equal((await deliver(url, failed)).json.status, 'ok');
    assert.equal((await deliver(url, failed)).json.status, 'ok');
    assert.equal(attempts, 2);
  });

  test('concurrent repeats share a failure, and the next retry is handled afresh', async (t) => {
    let attempts = 0;
    const four = arrivals(
      createCallbackHandler({
        callbackSecret: false,
        onResult: async () => {
          // The first attempt fails once all four deliveries are in: the other three wait for it.
          if (++attempts === 1) throw (await four.all, new Error('timeout'));
        },
        onError() {},
      }),
      4,
    );
    const url = await serve(t, four.handler);
    const answers = await Promise.all(Array.from({ length: 4 }, () => deliver(url, completed)));
    assert.deepEqual(answers.map((a) => a.status), [500, 500, 500, 500]);
    assert.equal((await deliver(url, completed)).status, 200);
    assert.equal(attempts, 2);
  });

  test('a body that is not JSON, or not a callback, gets 400 with the reasons, and onResult is not called', async (t) => {
    const { url, results } = await endpoint(t);
    const notJson = await deliver(url, 'merchant_id=1&order_id=1');
    assert.equal(notJson.status, 400);
    assert.deepEqual(notJson.json, { status: 'error', problems: [{ field: '', message: 'is not JSON' }] });

    const empty = await deliver(url, '');
    assert.equal(empty.status, 400);

    const wrong = await deliver(url, { ...clone(completed), amount: 'a lot', status: { status: 'completed' } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.json.problems.map((p) => p.field), ['amount', 'status.created_at']);
    assert.deepEqual(results, []);
  });

  test('an oversized body gets 413 from its Content-Length, before it is read', async (t) => {
    const { url, results } = await endpoint(t, { maxBodyBytes: 1024 });
    const body = { ...clone(completed), description: 'x'.repeat(2000) };
    const answer = await deliver(url, body);
    assert.equal(answer.status, 413);
    assert.deepEqual(answer.json.problems, [{ field: '', message: 'is larger than 1024 bytes' }]);
    assert.equal((await deliver(url, completed)).status, 200, 'a normal body is still taken');
    assert.equal(results.length, 1);
  });

  test('a streamed body that never ends gets 413 once it crosses the limit: it is not read to the end', { timeout: 5000 }, async (t) => {
    const { url, results } = await endpoint(t);
    const answer = await sendEndlessBody(url, 100 * 1024);
    assert.equal(answer.status, 413);
    assert.equal(answer.headers.connection, 'close');
    assert.deepEqual(answer.json.problems, [{ field: '', message: `is larger than ${64 * 1024} bytes` }]);
    assert.deepEqual(results, []);
  });

  test('only POST: anything else gets 405 with Allow', async (t) => {
    const { url } = await endpoint(t);
    const answer = await deliver(url, undefined, { method: 'GET' });
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.get('allow'), 'POST');
  });

  test('two handlers on one store (two processes on one Redis, in small): each result is handled once', async (t) => {
    const store = memoryStore();
    const first = await endpoint(t, { store });
    const second = await endpoint(t, { store });
    const answers = await Promise.all([first.url, second.url, first.url, second.url].map((url) => deliver(url, completed)));
    assert.deepEqual(answers.map((a) => a.json.status), ['ok', 'ok', 'ok', 'ok']);
    assert.equal(first.results.length + second.results.length, 1);
  });

  test("a holder that died keeps the result only until its lease ends; then the retry is handled", async (t) => {
    const store = memoryStore();
    const key = deliveryKey(parseCallback(completed).callback);
    assert.equal((await store.claim(key, 300)).state, 'claimed'); // a process that never finishes
    const { url, results } = await endpoint(t, { store, waitMs: 2000 });
    const started = Date.now();
    assert.equal((await deliver(url, completed)).json.status, 'ok');
    assert.ok(Date.now() - started >= 250, 'it waited for the lease');
    assert.equal(results.length, 1);
  });

  test('a result another process holds for longer than waitMs gets 503 with Retry-After (KTPay retries later)', async (t) => {
    const store = memoryStore();
    await store.claim(deliveryKey(parseCallback(completed).callback), 60_000);
    const { url, results } = await endpoint(t, { store, waitMs: 200, leaseMs: 30_000 });
    const answer = await deliver(url, completed);
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '30');
    assert.deepEqual(results, []);
  });
});

describe('a forged callback for a real transaction (its hash is visible to the buyer)', () => {
  // The merchant's onResult, as the README's Trust section writes it: it checks the amount against
  // its own order and records nothing for a body that does not match.
  const ORDER_AMOUNT = completed.amount;
  function merchant() {
    const seen = [];
    const paid = [];
    const onResult = async (callback) => {
      seen.push(callback.amount);
      if (callback.amount !== ORDER_AMOUNT) return; // not our order's amount: ignore it
      paid.push(callback.transaction_hash);
    };
    return { seen, paid, onResult };
  }
  const forged = { ...clone(completed), amount: 1 };

  test('sent first, it does not make the handler drop KTPay\'s genuine callback', async (t) => {
    const { seen, paid, onResult } = merchant();
    const url = await serve(t, createCallbackHandler({ callbackSecret: false, onResult }));
    assert.equal((await deliver(url, forged)).json.status, 'ok');
    assert.equal((await deliver(url, completed)).json.status, 'ok');
    assert.deepEqual(seen, [1, ORDER_AMOUNT], 'onResult saw the genuine body too');
    assert.deepEqual(paid, [completed.transaction_hash]);
  });

  test('still being handled, it does not answer for the genuine callback', async (t) => {
    const { seen, paid, onResult } = merchant();
    const gate = deferred();
    const url = await serve(
      t,
      createCallbackHandler({
        callbackSecret: false,
        onResult: async (callback) => {
          if (callback.amount === 1) await gate.promise; // the forged body's onResult is slow
          return onResult(callback);
        },
      }),
    );
    const forging = deliver(url, forged);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the forged body is in onResult
    assert.equal((await deliver(url, completed)).json.status, 'ok');
    assert.deepEqual(paid, [completed.transaction_hash], 'the genuine result was handled on its own');
    gate.resolve();
    await forging;
    assert.deepEqual(seen.sort(), [1, ORDER_AMOUNT].sort());
  });

  test('each field the merchant acts on makes another result; the same body is the same result', () => {
    const key = (body) => deliveryKey(parseCallback(body).callback);
    const base = key(completed);
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(key(clone(completed)), base);
    const changes = {
      amount: { amount: 1 },
      order: { order_id: '2' },
      merchant: { merchant_id: 2 },
      transaction: { transaction_hash: 'b'.repeat(40) },
      status: { status: { ...completed.status, status: 'authorized' } },
      error: { status: { ...clone(failed).status } },
    };
    for (const [name, change] of Object.entries(changes)) assert.notEqual(key({ ...clone(completed), ...change }), base, name);
  });
});

describe('the callback token (orders sealed on the merchant\'s server)', () => {
  const SECRET = 'the-shops-callback-secret-4f1c';
  /** The token, computed here with node:crypto, apart from the package's own code. */
  const tokenOf = (orderId, secret = SECRET) => createHmac('sha256', secret).update(orderId).digest('hex');

  test('ktpayCallbackUrl: the base URL with ktpay_token = lowercase hex HMAC-SHA-256 of the order id (a promise)', async () => {
    const pending = ktpayCallbackUrl('https://shop.kz/ktpay/callback?shop=kz', '1', SECRET);
    assert.ok(pending instanceof Promise);
    assert.equal(await pending, `https://shop.kz/ktpay/callback?shop=kz&ktpay_token=${tokenOf('1')}`);
    assert.match(tokenOf('1'), /^[0-9a-f]{64}$/);
    // A token already in the base is replaced, never kept beside the real one.
    assert.equal(await ktpayCallbackUrl('https://shop.kz/cb?ktpay_token=forged', '2', SECRET), `https://shop.kz/cb?ktpay_token=${tokenOf('2')}`);
  });

  test('ktpayCallbackUrl refuses a base that is not absolute http(s), an empty order id or secret', async () => {
    for (const [base, orderId, secret] of [
      ['/ktpay/callback', '1', SECRET],
      ['ftp://shop.kz/cb', '1', SECRET],
      ['https://user:pass@shop.kz/cb', '1', SECRET],
      ['https://shop.kz/cb', '', SECRET],
      ['https://shop.kz/cb', '1', ''],
      ['https://shop.kz/cb', '1', undefined],
    ]) {
      await assert.rejects(ktpayCallbackUrl(base, orderId, secret), TypeError, `${base} ${orderId} ${secret}`);
    }
  });

  /** A handler with the secret, its store watched: what reached onResult, and what was claimed. */
  async function endpoint(t, options = {}) {
    const results = [];
    const claimed = [];
    const memory = memoryStore();
    const store = { claim: (key, leaseMs) => (claimed.push(key), memory.claim(key, leaseMs)), done: memory.done, release: memory.release };
    const handler = createCallbackHandler({ callbackSecret: SECRET, store, onResult: (callback) => void results.push(callback), ...options });
    return { base: await serve(t, handler), results, claimed };
  }

  test("a forged callback with the order's id, amount and transaction hash but no token: 403, before the store and onResult", async (t) => {
    const { base, results, claimed } = await endpoint(t);
    const forged = await deliver(`${base}/ktpay/callback`, completed);
    assert.equal(forged.status, 403);
    assert.deepEqual(forged.json, { status: 'error', problems: [{ field: 'ktpay_token', message: 'is required' }] });
    assert.equal((await deliver(`${base}/ktpay/callback?ktpay_token=`, completed)).status, 403);
    assert.deepEqual([results, claimed], [[], []]);
  });

  test("a wrong token gets 403: another order's, another secret's, cut short, not hex", async (t) => {
    const { base, results, claimed } = await endpoint(t);
    for (const token of [tokenOf('2'), tokenOf('1', 'another-secret'), tokenOf('1').slice(0, 63), 'z'.repeat(64), `${tokenOf('1')}00`]) {
      const answer = await deliver(`${base}/?ktpay_token=${token}`, completed);
      assert.equal(answer.status, 403, token);
      assert.deepEqual(answer.json.problems, [{ field: 'ktpay_token', message: 'does not match' }]);
    }
    assert.deepEqual([results, claimed], [[], []]);
  });

  test("KTPay's callback to the sealed URL, the shop's own parameters beside the token, is handled", async (t) => {
    const { base, results } = await endpoint(t);
    const url = await ktpayCallbackUrl(`${base}/ktpay/callback?shop=kz`, completed.order_id, SECRET);
    const answer = await deliver(url, completed);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, '{"status":"ok"}');
    assert.deepEqual(results, [completed]);
  });

  test('callbackSecret is required: a string, or false said explicitly (a browser-sealed order)', async (t) => {
    for (const callbackSecret of [undefined, '', null, 0, true, ['secret']]) {
      assert.throws(
        () => createCallbackHandler({ callbackSecret, onResult() {} }),
        (error) => error instanceof TypeError && /callbackSecret/.test(error.message) && /false/.test(error.message),
        String(callbackSecret),
      );
    }
    assert.throws(() => createCallbackHandler({ onResult() {} }), TypeError);
    const results = [];
    const url = await serve(t, createCallbackHandler({ callbackSecret: false, onResult: (callback) => void results.push(callback) }));
    assert.equal((await deliver(url, completed)).status, 200);
    assert.equal(results.length, 1);
  });

  test('an error never holds the secret', async (t) => {
    const messages = [];
    const { base } = await endpoint(t, { onResult: () => Promise.reject(new Error('database is down')), onError: (error) => messages.push(String(error?.stack)) });
    const forged = await deliver(`${base}/?ktpay_token=${tokenOf('2')}`, completed);
    const failed = await deliver(await ktpayCallbackUrl(base, '1', SECRET), completed);
    assert.deepEqual([forged.status, failed.status], [403, 500]);
    for (const text of [forged.text, failed.text, ...messages]) assert.ok(!text.includes(SECRET) && !text.includes(tokenOf('1')));
  });
});

describe('store deadlines: a store that hangs never makes a request hang', () => {
  const never = () => new Promise(() => {});
  /** A memory store with some of its calls replaced. */
  const storeWith = (overrides) => ({ ...memoryStore(), ...overrides });

  async function endpoint(t, options) {
    const results = [];
    const errors = [];
    const handler = createCallbackHandler({
      callbackSecret: false,
      onResult: (callback) => void results.push(callback),
      onError: (error) => errors.push(error),
      ...options,
    });
    return { url: await serve(t, handler), results, errors };
  }

  test('a claim that never answers: 503 with Retry-After, and onResult is not called', { timeout: 5000 }, async (t) => {
    const { url, results, errors } = await endpoint(t, { store: storeWith({ claim: never }), storeTimeoutMs: 200 });
    const answer = await deliver(url, completed);
    assert.equal(answer.status, 503);
    assert.ok(Number(answer.headers.get('retry-after')) > 0);
    assert.deepEqual(results, []);
    assert.equal(errors.length, 1, 'onError is told');
  });

  test('done that never answers after onResult resolved: 503, so the sender delivers again (at least once)', { timeout: 5000 }, async (t) => {
    const { url, results } = await endpoint(t, { store: storeWith({ done: never }), storeTimeoutMs: 200 });
    const answer = await deliver(url, completed);
    assert.equal(answer.status, 503);
    assert.ok(Number(answer.headers.get('retry-after')) > 0);
    assert.equal(results.length, 1);
  });

  test('a release that never answers after onResult failed: the 500 still comes', { timeout: 5000 }, async (t) => {
    const { url } = await endpoint(t, { store: storeWith({ release: never }), storeTimeoutMs: 200, onResult: () => Promise.reject(new Error('database is down')) });
    assert.equal((await deliver(url, completed)).status, 500);
  });

  test('a store that fails (rejects) is answered 503 with Retry-After as well', async (t) => {
    const { url, results } = await endpoint(t, { store: storeWith({ claim: () => Promise.reject(new Error('ECONNREFUSED')) }) });
    const answer = await deliver(url, completed);
    assert.equal(answer.status, 503);
    assert.ok(Number(answer.headers.get('retry-after')) > 0);
    assert.deepEqual(results, []);
  });

  test('there is a deadline by default', { timeout: 15_000 }, async (t) => {
    const { url } = await endpoint(t, { store: storeWith({ claim: never }) });
    assert.equal((await deliver(url, completed)).status, 503);
  });
});

test('memoryStore: claim, done and release, for the lease holder only', () => {
  const store = memoryStore();
  const claim = store.claim('a', 60_000);
  assert.equal(claim.state, 'claimed');
  assert.equal(store.claim('a', 60_000).state, 'busy');
  store.done('a', 'someone else');
  store.release('a', 'someone else');
  assert.equal(store.claim('a', 60_000).state, 'busy', 'only the holder ends a lease');
  store.release('a', claim.lease);
  const again = store.claim('a', 60_000);
  assert.equal(again.state, 'claimed', 'released: the next delivery may try');
  store.done('a', again.lease);
  assert.equal(store.claim('a', 60_000).state, 'done');
});

test('memoryStore forgets the oldest results beyond its size', () => {
  const store = memoryStore({ max: 2 });
  for (const key of ['a', 'b', 'c']) {
    const { lease } = store.claim(key, 60_000);
    store.done(key, lease);
  }
  // Newest first: claiming the forgotten 'a' makes it the newest, and would push 'b' out.
  assert.deepEqual(['c', 'b', 'a'].map((key) => store.claim(key, 60_000).state), ['done', 'done', 'claimed']);
});
