// The merchant's two ePay endpoints over real HTTP on loopback: the element's auth-url (a token
// for the server's own order, from a stand-in token server, with a fresh secret_hash per token and
// the server's own postLinks) and ePay's postLink (each result once, only with a secret_hash the
// shop issued, and only once Halyk's status API, a stand-in too, agrees with it).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import express from 'express';
import {
  createEpayAuthHandler,
  createEpayPostLinkHandler,
  epayDeliveryKey,
  EpayConfirmationError,
  EpayStatusError,
  EpayTokenError,
  memoryStore,
  parseEpayPostLink,
} from 'ktpay-checkout/server';
import { clone, deadUrl, deferred, deliver, fixture, formOf, reply, sendEndlessBody, serve } from './server-helpers.mjs';

const SECRET = 'yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG';
const CREDENTIALS = { clientId: 'shop', clientSecret: SECRET, terminal: '67e34d63-102f-4bd1-898e-370781d0074d' };
const TOKEN = { access_token: 'DCEB8O_ZM5U7SO_T_U5EJQ', expires_in: 7200, refresh_token: '', scope: 'payment usermanagement', token_type: 'Bearer', extra: { kept: true } };
const CALLBACK_SECRET = 'the-shops-callback-secret-for-epay';
const POST_LINK = 'https://shop.kz/epay/post-link';
const ORDER = { amount: 15000, currency: 'KZT' };
const INVOICE = '000123456';

/** The secret_hash format, checked here with node:crypto apart from the package's code. */
const hmacOf = (invoiceId, nonce) => createHmac('sha256', CALLBACK_SECRET).update(`epay-secret-hash:${invoiceId}:${nonce}`).digest('hex');
const issueSecretHash = (invoiceId, nonce = '0123456789abcdef') => nonce + hmacOf(invoiceId, nonce);
function assertIssuedFor(secretHash, invoiceId) {
  const parts = /^([0-9a-f]{16})([0-9a-f]{64})$/.exec(secretHash);
  assert.ok(parts, `16 hex digits of nonce, then 64 of HMAC: ${secretHash}`);
  assert.equal(parts[2], hmacOf(invoiceId, parts[1]));
}

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
      postLink: POST_LINK,
      callbackSecret: CALLBACK_SECRET,
      resolveOrder: async (invoiceId, request) => (asked.push([invoiceId, request.method]), orders[invoiceId]),
      onError: (error, invoiceId) => errors.push([error, invoiceId]),
      ...options,
    });
    return { url: await serve(t, handler), forms, asked, errors };
  }
  const browser = (extra = {}) => ({ invoiceId: INVOICE, amount: 15000, currency: 'KZT', ...extra });

  test("answers Halyk's token object whole, not cached, asked for the server's order, postLinks and a secret_hash of its own", async (t) => {
    const { url, forms, asked } = await setup(t);
    const answer = await deliver(url, browser());
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, TOKEN);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.match(answer.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(asked, [[INVOICE, 'POST']]);
    const [{ secret_hash, ...form }] = forms;
    assert.deepEqual(form, {
      grant_type: 'client_credentials',
      scope: 'payment usermanagement',
      client_id: 'shop',
      client_secret: SECRET,
      terminal: CREDENTIALS.terminal,
      invoiceID: INVOICE,
      amount: '15000',
      currency: 'KZT',
      postLink: POST_LINK,
      failurePostLink: POST_LINK,
    });
    assertIssuedFor(secret_hash, INVOICE);
  });

  test('a fresh secret_hash for every token, each proving its invoice', async (t) => {
    const { url, forms } = await setup(t, { orders: { [INVOICE]: ORDER, 111111111: ORDER } });
    await deliver(url, browser());
    await deliver(url, browser());
    await deliver(url, browser({ invoiceId: '111111111' }));
    const hashes = forms.map((form) => form.secret_hash);
    assert.equal(new Set(hashes).size, 3);
    assertIssuedFor(hashes[0], INVOICE);
    assertIssuedFor(hashes[1], INVOICE);
    assertIssuedFor(hashes[2], '111111111');
  });

  test("the postLinks are the handler's: failurePostLink is postLink unless set, and neither the page nor resolveOrder moves them", async (t) => {
    const evil = 'https://evil.example/collect';
    const { url, forms } = await setup(t, { orders: { [INVOICE]: { ...ORDER, postLink: evil, failurePostLink: evil, secretHash: 'known' } } });
    assert.equal((await deliver(url, browser({ postLink: evil, failurePostLink: evil, secret_hash: 'known' }))).status, 200);
    assert.deepEqual([forms[0].postLink, forms[0].failurePostLink], [POST_LINK, POST_LINK]);
    assertIssuedFor(forms[0].secret_hash, INVOICE);

    const own = await setup(t, { failurePostLink: 'https://shop.kz/epay/failed' });
    await deliver(own.url, browser());
    assert.deepEqual([own.forms[0].postLink, own.forms[0].failurePostLink], [POST_LINK, 'https://shop.kz/epay/failed']);
  });

  test('415 for a body that is not application/json', async (t) => {
    const { url, asked, forms } = await setup(t);
    const body = JSON.stringify(browser());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      assert.equal((await deliver(url, body, { headers: { 'Content-Type': type } })).status, 415, type);
    }
    assert.equal((await deliver(url, body, { headers: { 'Content-Type': 'application/json;charset=UTF-8' } })).status, 200);
    assert.deepEqual([asked.length, forms.length], [1, 1]);
  });

  test('settings that cannot work throw a TypeError at creation: postLink and callbackSecret are required', () => {
    const good = { ...CREDENTIALS, postLink: POST_LINK, callbackSecret: CALLBACK_SECRET, resolveOrder: () => ORDER };
    assert.doesNotThrow(() => createEpayAuthHandler(good));
    const bad = {
      'postLink missing': { postLink: undefined },
      'postLink relative': { postLink: '/epay/post-link' },
      'postLink not http(s)': { postLink: 'ftp://shop.kz/post-link' },
      'failurePostLink relative': { failurePostLink: '/epay/failed' },
      'callbackSecret missing': { callbackSecret: undefined },
      'callbackSecret empty': { callbackSecret: '' },
    };
    for (const [name, change] of Object.entries(bad)) assert.throws(() => createEpayAuthHandler({ ...good, ...change }), TypeError, name);
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
    const handler = createEpayAuthHandler({
      ...CREDENTIALS,
      tokenUrl: await deadUrl(),
      postLink: POST_LINK,
      callbackSecret: CALLBACK_SECRET,
      resolveOrder: () => ORDER,
      onError: (e) => errors.push(e),
    });
    const answer = await deliver(await serve(t, handler), browser());
    assert.equal(answer.status, 502);
    assert.equal(errors[0].reason, 'network');
  });

  test('resolveOrder throwing, or giving an order without a currency, gets 500 and onError', async (t) => {
    const { url, errors, forms } = await setup(t, {
      resolveOrder(invoiceId) {
        if (invoiceId === INVOICE) throw new Error('database is down');
        return { amount: 15000, currency: '' };
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
      app.post('/epay/auth', ...middleware, createEpayAuthHandler({ ...CREDENTIALS, tokenUrl, postLink: POST_LINK, callbackSecret: CALLBACK_SECRET, resolveOrder: () => ORDER }));
      const url = `${await serve(t, app)}/epay/auth`;
      assert.deepEqual((await deliver(url, browser())).json, TOKEN);
      assert.equal((await deliver(url, browser({ amount: 1 }))).status, 409);
      assert.equal((await deliver(url, JSON.stringify(browser()), { headers: { 'Content-Type': 'text/plain' } })).status, 415);
    });
  }
});

// The postLink handler's tests ask a stand-in of Halyk: its token endpoint and its status API.
const STATUS_TOKEN = { access_token: 'STATUS-TOKEN-1', expires_in: 7200, refresh_token: '', scope: 'webapi payment', token_type: 'Bearer' };
const paidBody = fixture('epay-post-link-success');
const declinedBody = fixture('epay-post-link-failure');
/** Halyk's status answer about `invoiceId`: found, with `statusName`, as the fixtures' payments. */
const found = (invoiceId, statusName, extra = {}) => ({
  resultCode: '100',
  resultMessage: 'SUCCESS',
  transaction: { invoiceID: invoiceId, amount: 100, currency: 'KZT', statusName, terminal: CREDENTIALS.terminal, reasonCode: 0, ...extra },
});
/** By default Halyk agrees with the fixtures: the success fixture's payment is CHARGE, the failure's FAILED. */
const agreeing = (invoiceId) => [200, found(invoiceId, invoiceId === declinedBody.invoiceId ? 'FAILED' : 'CHARGE')];

/** Halyk's token endpoint and status API on loopback, recording each request. */
async function halyk(t, { status = agreeing, token = (response) => reply(response, 200, STATUS_TOKEN) } = {}) {
  const tokenForms = [];
  const statusAsked = [];
  const tokenUrl = await serve(t, async (request, response) => {
    tokenForms.push(await formOf(request));
    token(response);
  });
  const apiUrl = await serve(t, (request, response) => {
    statusAsked.push({ path: request.url, authorization: request.headers.authorization });
    const answer = status(decodeURIComponent(request.url.split('/').pop()));
    if (answer) reply(response, ...answer); // none: Halyk never answers
  });
  return { confirm: { ...CREDENTIALS, tokenUrl, apiUrl }, tokenForms, statusAsked };
}

describe('createEpayPostLinkHandler', () => {
  const paid = { ...paidBody, secret_hash: issueSecretHash(paidBody.invoiceId) };
  const declined = { ...declinedBody, secret_hash: issueSecretHash(declinedBody.invoiceId) };
  const withoutSecret = ({ secret_hash, ...postLink }) => postLink;

  /** The postLink endpoint before a Halyk stand-in, recording what reached onResult and onError. */
  async function endpoint(t, { status, token, confirmWith = {}, ...options } = {}) {
    const stand = await halyk(t, { ...(status ? { status } : {}), ...(token ? { token } : {}) });
    const results = [];
    const errors = [];
    const handler = createEpayPostLinkHandler({
      callbackSecret: CALLBACK_SECRET,
      confirm: { ...stand.confirm, ...confirmWith },
      onResult: (postLink, confirmation) => void results.push({ postLink, confirmation }),
      onError: (error, postLink) => errors.push({ error, postLink }),
      ...options,
    });
    return { url: await serve(t, handler), results, errors, halyk: stand };
  }

  test("confirmed with Halyk: 200 {\"status\":\"ok\"}; onResult has the typed body (without secret_hash) and Halyk's status", async (t) => {
    const { url, results, halyk: stand } = await endpoint(t);
    const answer = await deliver(url, paid);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, '{"status":"ok"}');
    assert.equal(results.length, 1);
    assert.deepEqual(results[0].postLink, withoutSecret(paid));
    assert.equal('secret_hash' in results[0].postLink, false);
    assert.deepEqual(results[0].confirmation, { ...found(paid.invoiceId, 'CHARGE'), resultCode: 100, outcome: 'paid' });
    assert.equal((await deliver(url, declined)).status, 200);
    assert.deepEqual(results.map((r) => [r.postLink.code, r.postLink.reasonCode, r.confirmation.outcome]), [['ok', 0, 'paid'], ['error', -498, 'failed']]);
    // Halyk was asked with a status-scope token, which is kept for the next postLink.
    assert.equal(stand.tokenForms.length, 1);
    assert.deepEqual(
      { scope: stand.tokenForms[0].scope, terminal: stand.tokenForms[0].terminal, invoiceID: stand.tokenForms[0].invoiceID },
      { scope: 'webapi payment', terminal: CREDENTIALS.terminal, invoiceID: undefined },
    );
    assert.deepEqual(stand.statusAsked, [
      { path: `/check-status/payment/transaction/${paid.invoiceId}`, authorization: 'Bearer STATUS-TOKEN-1' },
      { path: `/check-status/payment/transaction/${declined.invoiceId}`, authorization: 'Bearer STATUS-TOKEN-1' },
    ]);
  });

  test('"ok" that Halyk does not confirm (failed, another amount, currency or terminal) gets 409 and never reaches onResult', async (t) => {
    let answer;
    const { url, results, errors } = await endpoint(t, { status: () => answer });
    const cases = {
      'Halyk says FAILED': [200, found(paid.invoiceId, 'FAILED')],
      'Halyk says REFUND': [200, found(paid.invoiceId, 'REFUND')],
      'Halyk says rejected (101)': [200, { resultCode: 101, resultMessage: 'REJECTED' }],
      'another amount': [200, found(paid.invoiceId, 'CHARGE', { amount: 1 })],
      'no amount': [200, found(paid.invoiceId, 'CHARGE', { amount: undefined })],
      'another currency': [200, found(paid.invoiceId, 'CHARGE', { currency: 'USD' })],
    };
    for (const [name, halykSays] of Object.entries(cases)) {
      answer = halykSays;
      const refused = await deliver(url, paid);
      assert.equal(refused.status, 409, name);
      assert.equal(refused.json.status, 'error', name);
    }
    const otherTerminal = await deliver(url, { ...paid, terminal: 'another-terminal' });
    assert.equal(otherTerminal.status, 409);
    assert.deepEqual(results, []);
    assert.equal(errors.length, Object.keys(cases).length + 1, 'onError told of each');
    for (const { error, postLink } of errors) {
      assert.ok(error instanceof EpayConfirmationError, String(error));
      assert.equal(error.reason, 'disagrees');
      assert.equal('secret_hash' in postLink, false);
    }
    // The result was released: once Halyk agrees, the same postLink is handled.
    answer = [200, found(paid.invoiceId, 'CHARGE')];
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(results.length, 1);
  });

  test('"error" passes while Halyk says not paid; "error" for a payment Halyk says is paid gets 409', async (t) => {
    let answer;
    const { url, results, errors } = await endpoint(t, { status: () => answer });
    for (const halykSays of [found(declined.invoiceId, 'FAILED'), { resultCode: '102', resultMessage: 'NOT FOUND' }, found(declined.invoiceId, 'NEW')]) {
      answer = [200, halykSays];
      // Each a result of its own (another operation id), so each is confirmed.
      assert.equal((await deliver(url, { ...declined, id: `op-${results.length}` })).status, 200, JSON.stringify(halykSays));
    }
    assert.deepEqual(results.map((r) => r.confirmation.outcome), ['failed', 'not-found', 'pending']);
    answer = [200, found(declined.invoiceId, 'CHARGE')];
    assert.equal((await deliver(url, { ...declined, id: 'op-paid' })).status, 409);
    assert.equal(results.length, 3);
    assert.equal(errors[0].error.reason, 'disagrees');
  });

  test('"ok" while Halyk says it is not final (pending, in progress, not found yet) gets 503 with Retry-After', async (t) => {
    let answer;
    const { url, results, errors } = await endpoint(t, { status: () => answer });
    for (const halykSays of [found(paid.invoiceId, 'NEW'), found(paid.invoiceId, '3D'), { resultCode: 107, resultMessage: 'IN PROGRESS' }, { resultCode: 102, resultMessage: 'NOT FOUND' }]) {
      answer = [200, halykSays];
      const later = await deliver(url, paid);
      assert.equal(later.status, 503, JSON.stringify(halykSays));
      assert.ok(Number(later.headers.get('retry-after')) > 0);
    }
    assert.deepEqual(results, []);
    assert.ok(errors.every(({ error }) => error instanceof EpayConfirmationError && error.reason === 'not-final'));
    answer = [200, found(paid.invoiceId, 'AUTH')];
    assert.equal((await deliver(url, paid)).status, 200, 'released: handled once Halyk says it is paid');
  });

  test("Halyk's status API down, slow, failing or refusing the token: 503 with Retry-After, never onResult", { timeout: 10_000 }, async (t) => {
    const outages = {
      'HTTP 500': { status: () => [500, 'upstream down'] },
      'a bad answer': { status: () => [200, 'not json'] },
      'resultCode 103': { status: () => [200, { resultCode: 103, resultMessage: 'ERROR' }] },
      'another invoice': { status: () => [200, found('999999999', 'CHARGE')] },
      'no answer in time': { status: () => undefined, confirmWith: { timeoutMs: 200 } },
      'token refused': { token: (response) => reply(response, 401, { error: 'invalid_client' }) },
    };
    for (const [name, outage] of Object.entries(outages)) {
      const { url, results, errors } = await endpoint(t, outage);
      const answer = await deliver(url, paid);
      assert.equal(answer.status, 503, name);
      assert.ok(Number(answer.headers.get('retry-after')) > 0, name);
      assert.deepEqual(results, [], name);
      assert.ok(errors[0].error instanceof EpayStatusError || errors[0].error instanceof EpayTokenError, `${name}: ${errors[0].error}`);
      assert.ok(!answer.text.includes(SECRET));
    }
  });

  test('the status token is asked once and kept until shortly before it expires', async (t) => {
    const kept = await endpoint(t);
    await deliver(kept.url, paid);
    await deliver(kept.url, declined);
    await deliver(kept.url, { ...paid, id: 'another-operation' });
    assert.equal(kept.halyk.statusAsked.length, 3);
    assert.equal(kept.halyk.tokenForms.length, 1);

    const short = await endpoint(t, { token: (response) => reply(response, 200, { ...STATUS_TOKEN, expires_in: 5 }) });
    await deliver(short.url, paid);
    await deliver(short.url, declined);
    assert.equal(short.halyk.tokenForms.length, 2, 'a token about to expire is not used');
  });

  test('repeats: neither onResult nor Halyk asked again; concurrent repeats share one confirmation', async (t) => {
    const { url, results, halyk: stand } = await endpoint(t, { onResult: (postLink) => new Promise((resolve) => setTimeout(() => resolve(results.push(postLink)), 50)) });
    const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(url, paid)));
    assert.deepEqual(answers.map((a) => a.status), Array(6).fill(200));
    for (let i = 0; i < 3; i++) assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(results.length, 1);
    assert.equal(stand.statusAsked.length, 1);
  });

  test('confirm: false skips Halyk, said by name: onResult gets no confirmation', async (t) => {
    const { url, results, halyk: stand } = await endpoint(t, { confirm: false });
    assert.equal((await deliver(url, { ...paid, amount: 1 })).status, 200);
    assert.deepEqual(results, [{ postLink: { ...withoutSecret(paid), amount: 1 }, confirmation: undefined }]);
    assert.deepEqual([stand.statusAsked, stand.tokenForms], [[], []]);
  });

  test('confirm and the secret_hash check are required: a TypeError at creation when unset, or ambiguous', () => {
    const good = { callbackSecret: CALLBACK_SECRET, confirm: { ...CREDENTIALS }, onResult() {} };
    assert.doesNotThrow(() => createEpayPostLinkHandler(good));
    assert.doesNotThrow(() => createEpayPostLinkHandler({ ...good, confirm: false }));
    assert.doesNotThrow(() => createEpayPostLinkHandler({ confirm: false, secretHash: () => 'x', onResult() {} }));
    const bad = {
      'confirm missing': { confirm: undefined },
      'confirm true': { confirm: true },
      'confirm without clientSecret': { confirm: { ...CREDENTIALS, clientSecret: '' } },
      'confirm without terminal': { confirm: { clientId: 'shop', clientSecret: SECRET } },
      'neither callbackSecret nor secretHash': { callbackSecret: undefined },
      'callbackSecret empty': { callbackSecret: '' },
      'both callbackSecret and secretHash': { secretHash: () => 'x' },
    };
    for (const [name, change] of Object.entries(bad)) {
      assert.throws(() => createEpayPostLinkHandler({ ...good, ...change }), TypeError, name);
    }
    const error = (() => {
      try {
        createEpayPostLinkHandler({ ...good, confirm: { ...CREDENTIALS, clientSecret: '' } });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(!error.message.includes(SECRET));
  });

  test("a secret_hash the shop did not issue for this invoice gets 403 before Halyk, the store and onResult", async (t) => {
    const { url, results, halyk: stand } = await endpoint(t);
    const nonce = paid.secret_hash.slice(0, 16);
    const forgeries = {
      "another invoice's": issueSecretHash('191111112'),
      'another nonce': `fedcba9876543210${paid.secret_hash.slice(16)}`,
      'cut short': paid.secret_hash.slice(0, -1),
      'not hex': `${nonce}${'z'.repeat(64)}`,
      'upper case': paid.secret_hash.toUpperCase(),
      guess: 'JDKCNDDGGDTPSKJD',
      empty: '',
    };
    for (const [name, secret_hash] of Object.entries(forgeries)) {
      const answer = await deliver(url, { ...paid, secret_hash });
      assert.equal(answer.status, 403, name);
    }
    const missing = await deliver(url, withoutSecret(paid));
    assert.equal(missing.status, 403);
    assert.deepEqual([results, stand.statusAsked], [[], []]);
    assert.equal((await deliver(url, paid)).status, 200, "the genuine one is still handled");
  });

  test('with secretHash(invoiceId) instead (tokens the shop asks for itself): its secret, 403 otherwise', async (t) => {
    const looked = [];
    const secrets = { [paidBody.invoiceId]: 'JDKCNDDGGDTPSKJD' };
    const { url, results } = await endpoint(t, { callbackSecret: undefined, secretHash: async (invoiceId) => (looked.push(invoiceId), secrets[invoiceId]) });
    const own = { ...paidBody, secret_hash: 'JDKCNDDGGDTPSKJD' };
    const wrong = await deliver(url, { ...own, secret_hash: 'JDKCNDDGGDTPSKJ' });
    assert.equal(wrong.status, 403);
    assert.deepEqual(wrong.json.problems, [{ field: 'secret_hash', message: 'does not match' }]);
    const unknown = await deliver(url, { ...own, invoiceId: '555555555' });
    assert.deepEqual([unknown.status, unknown.json], [403, wrong.json]);
    assert.equal((await deliver(url, own)).status, 200);
    assert.deepEqual(results.map((r) => r.postLink), [withoutSecret(own)]);
    assert.deepEqual(looked, ['191111111', '555555555', '191111111']);
  });

  test('a failing secretHash lookup gets 500 and onError (without the secret_hash); nothing is claimed', async (t) => {
    let lookups = 0;
    const { url, results, errors } = await endpoint(t, {
      callbackSecret: undefined,
      secretHash() {
        if (++lookups === 1) throw new Error('orders are down');
        return 'JDKCNDDGGDTPSKJD';
      },
    });
    const own = { ...paidBody, secret_hash: 'JDKCNDDGGDTPSKJD' };
    assert.equal((await deliver(url, own)).status, 500);
    assert.deepEqual(errors.map(({ error, postLink }) => [error.message, postLink.invoiceId, 'secret_hash' in postLink]), [['orders are down', '191111111', false]]);
    assert.equal((await deliver(url, own)).status, 200);
    assert.equal(results.length, 1);
  });

  test('a body that is not a postLink gets 400 and asks nobody; other methods 405', async (t) => {
    const { url, results, halyk: stand } = await endpoint(t);
    assert.equal((await deliver(url, 'code=ok')).status, 400);
    const wrong = await deliver(url, { ...paid, invoiceId: 'A-1', code: 'paid' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.json.problems.map((p) => p.field), ['invoiceId', 'code']);
    const get = await deliver(url, undefined, { method: 'GET' });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.deepEqual([results, stand.statusAsked], [[], []]);
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

  test('two handlers on one store: each result once', async (t) => {
    const store = memoryStore();
    const first = await endpoint(t, { store });
    const second = await endpoint(t, { store });
    const answers = await Promise.all([first.url, second.url, first.url, second.url].map((url) => deliver(url, paid)));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200]);
    assert.equal(first.results.length + second.results.length, 1);
  });

  test('a failing onResult gets 500 and releases the result: the repeat is handled; onError never sees the secret_hash', async (t) => {
    let attempts = 0;
    const { url, errors } = await endpoint(t, {
      onResult() {
        if (++attempts === 1) throw new Error('database is down');
      },
    });
    assert.equal((await deliver(url, paid)).status, 500);
    assert.deepEqual(errors.map(({ error, postLink }) => [error.message, postLink.invoiceId, 'secret_hash' in postLink]), [['database is down', '191111111', false]]);
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal((await deliver(url, paid)).status, 200);
    assert.equal(attempts, 2);
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
    await store.claim(epayDeliveryKey(parseEpayPostLink(paid, { skipSecretHashCheck: true }).postLink), 60_000);
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
    assert.equal(key(withoutSecret(paid)), base, 'the secret_hash is not part of the result');
    const changes = { id: { id: 'other' }, invoiceId: { invoiceId: '191111112' }, terminal: { terminal: 'T-2' }, amount: { amount: 101 }, currency: { currency: 'USD' }, code: { code: 'error' }, reasonCode: { reasonCode: 454 } };
    for (const [name, change] of Object.entries(changes)) assert.notEqual(key({ ...paid, ...change }), base, name);
  });
});

describe('the failurePostLink attack (issue 24)', () => {
  // A buyer edits the page so Halyk sends the failure postLink, secret_hash and all, to their own
  // host; fails a payment on purpose; then POSTs {"code":"ok"} with that secret_hash to the shop.
  test("the page cannot move the postLinks, and a leaked secret_hash with \"ok\" never reaches onResult while Halyk says the payment failed", async (t) => {
    const invoiceId = '202600000042';
    const stand = await halyk(t, { status: (asked) => [200, found(asked, 'FAILED', { reasonCode: 484 })] });
    const tokenForms = [];
    const tokenUrl = await serve(t, async (request, response) => {
      tokenForms.push(await formOf(request));
      reply(response, 200, TOKEN);
    });
    const auth = await serve(
      t,
      createEpayAuthHandler({ ...CREDENTIALS, tokenUrl, postLink: POST_LINK, callbackSecret: CALLBACK_SECRET, resolveOrder: () => ({ amount: 100, currency: 'KZT' }) }),
    );
    const results = [];
    const postLink = await serve(
      t,
      createEpayPostLinkHandler({ callbackSecret: CALLBACK_SECRET, confirm: stand.confirm, onResult: (result, confirmation) => void results.push([result.code, confirmation.outcome]), onError() {} }),
    );

    // The attacker's page asks for a token with its own postLinks: the shop's are sent to Halyk.
    const evil = 'https://attacker.example/collect';
    assert.equal((await deliver(auth, { invoiceId, amount: 100, currency: 'KZT', postLink: evil, failurePostLink: evil })).status, 200);
    assert.deepEqual([tokenForms[0].postLink, tokenForms[0].failurePostLink], [POST_LINK, POST_LINK]);

    // Suppose the secret_hash leaked all the same (a Halyk form that took the page's failurePostLink).
    const leaked = tokenForms[0].secret_hash;
    const forged = { ...paidBody, invoiceId, amount: 100, code: 'ok', reasonCode: 0, secret_hash: leaked };
    const answer = await deliver(postLink, forged);
    assert.equal(answer.status, 409);
    assert.deepEqual(results, [], 'onResult never saw the forged "ok"');

    // Halyk's genuine failure postLink, with the same secret_hash, is handled as the failure it is.
    assert.equal((await deliver(postLink, { ...declinedBody, invoiceId, amount: 100, reasonCode: 484, secret_hash: leaked })).status, 200);
    assert.deepEqual(results, [['error', 'failed']]);
  });
});
