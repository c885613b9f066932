// The handlers' Fetch API form. First, every test of the handlers again, with each handler served
// through its `.fetch` by a Hono app on Node (server-helpers.mjs): same guarantees, same status
// codes, from the same core. Then what only the Fetch form has: a bound `.fetch` used alone, as
// `export const POST = handler.fetch` uses it, and a package that loads without Node's modules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

process.env.KTPAY_SERVER_FORM = 'fetch';
await import('./server-callback.test.mjs');
await import('./server-epay-handlers.test.mjs');
await import('./server-ktpay-seal.test.mjs');
await import('./server-redis.test.mjs');

const { createCallbackHandler, createEpayAuthHandler, createEpayPostLinkHandler, createKtpaySealHandler } = await import('ktpay-checkout/server');
const { fixture } = await import('./server-helpers.mjs');

const completed = fixture('ktpay-callback-completed');
const post = (body, init = {}) =>
  new Request('https://shop.example/api/ktpay/callback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, ...init });

test('.fetch works alone, unbound (export const POST = handler.fetch): a Response with the JSON answer', async () => {
  const results = [];
  const { fetch: POST } = createCallbackHandler({ callbackSecret: false, onResult: (callback) => void results.push(callback) });
  const answer = await POST(post(JSON.stringify(completed)));
  assert.ok(answer instanceof Response);
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('content-type'), 'application/json');
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  assert.equal(await answer.text(), '{"status":"ok"}');
  assert.equal(results.length, 1);
  assert.equal(results[0].order_id, String(completed.order_id));

  const bad = await POST(post('{"order_id":'));
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { status: 'error', problems: [{ field: '', message: 'is not JSON' }] });
  assert.equal(results.length, 1);
});

test('every handler factory gives a .fetch', () => {
  const settings = { clientId: 'id', clientSecret: 'secret', terminal: 't', callbackSecret: 's', resolveOrder: () => null };
  const handlers = [
    createCallbackHandler({ callbackSecret: false, onResult() {} }),
    createEpayAuthHandler({ ...settings, postLink: 'https://shop.example/postlink' }),
    createEpayPostLinkHandler({ callbackSecret: 's', confirm: false, onResult() {} }),
    createKtpaySealHandler({ appKey: btoa(String.fromCharCode(...new Uint8Array(32).fill(7))), resolveOrder: () => null, callbackSecret: 's', callbackPostUrl: 'https://shop.example/cb' }),
  ];
  for (const handler of handlers) {
    assert.equal(typeof handler, 'function');
    assert.equal(typeof handler.fetch, 'function');
  }
});

test('a body the runtime cannot read to its end gets 400, and onResult is not called', async () => {
  let calls = 0;
  const { fetch: POST } = createCallbackHandler({ callbackSecret: false, onResult: () => void calls++ });
  const broken = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"merchant_id":1,'));
      controller.error(new Error('connection reset'));
    },
  });
  const answer = await POST(post(broken, { duplex: 'half' }));
  assert.equal(answer.status, 400);
  assert.deepEqual((await answer.json()).problems, [{ field: '', message: 'could not be read' }]);
  assert.equal(calls, 0);
});

test("the resolveOrder hook gets the Fetch API's Request (for the session)", async () => {
  let seen;
  const { fetch: POST } = createEpayAuthHandler({
    clientId: 'id',
    clientSecret: 'secret',
    terminal: 't',
    callbackSecret: 's',
    postLink: 'https://shop.example/postlink',
    resolveOrder: (_invoiceId, request) => ((seen = request), null),
  });
  const request = post(JSON.stringify({ invoiceId: '000123', amount: 100, currency: 'KZT' }), { headers: { 'Content-Type': 'application/json', Cookie: 'session=abc' } });
  assert.equal((await POST(request)).status, 404);
  assert.equal(seen, request);
  assert.equal(seen.headers.get('cookie'), 'session=abc');
});

test('ktpay-checkout/server loads without any of Node\'s modules (Workers, Deno, Bun): no node: import in what it loads', () => {
  const dist = new URL('../../dist/', import.meta.url);
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(new URL(file, dist), 'utf8');
    assert.doesNotMatch(code, /["'`]node:[a-z_/]+["'`]/, `${file} names a node: module`);
    for (const [, next] of code.matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(next);
  };
  visit('server.js');
  assert.ok(seen.size > 1, `followed ${[...seen]}`);
});
