// Halyk ePay's status API against a stand-in on loopback: the request (path, bearer token), and
// each resultCode and statusName read as the order's outcome.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EPAY_ENDPOINTS, EPAY_RESULT_CODES, EPAY_STATUS_NAMES, EpayStatusError, getEpayStatus } from 'ktpay-checkout/server';
import { reply, serve } from './server-helpers.mjs';

const INVOICE = '191111111';
const TRANSACTION = { invoiceID: INVOICE, amount: 100, currency: 'KZT', statusName: 'CHARGE', cardMask: '440043...2222', reasonCode: 0, reason: 'success', terminal: 'T-1', id: 'op-1' };

/** A status API that records each request and answers `answer(request)` as [status, body]. */
async function statusApi(t, answer) {
  const requests = [];
  const url = await serve(t, (request, response) => {
    requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
    reply(response, ...answer(request));
  });
  return { url: `${url}/api`, requests };
}

const found = (statusName, extra = {}) => ({ resultCode: '100', resultMessage: 'SUCCESS', transaction: { ...TRANSACTION, statusName, ...extra } });

test('GETs {api}/check-status/payment/transaction/{invoiceId} with the bearer token, string or object', async (t) => {
  const api = await statusApi(t, () => [200, found('CHARGE')]);
  const status = await getEpayStatus({ token: 'ACCESS-1', invoiceId: INVOICE, apiUrl: api.url });
  await getEpayStatus({ token: { access_token: 'ACCESS-2', expires_in: 7200, token_type: 'Bearer' }, invoiceId: INVOICE, apiUrl: `${api.url}/` });
  assert.deepEqual(api.requests, [
    { method: 'GET', url: `/api/check-status/payment/transaction/${INVOICE}`, authorization: 'Bearer ACCESS-1' },
    { method: 'GET', url: `/api/check-status/payment/transaction/${INVOICE}`, authorization: 'Bearer ACCESS-2' },
  ]);
  assert.deepEqual(status, { resultCode: 100, resultMessage: 'SUCCESS', transaction: TRANSACTION, outcome: 'paid' });
});

test('each statusName of a found transaction, as the outcome for the order', async (t) => {
  let statusName;
  const api = await statusApi(t, () => [200, found(statusName)]);
  const outcomes = {};
  for (statusName of [...Object.keys(EPAY_STATUS_NAMES), 'SOMETHING_NEW']) {
    outcomes[statusName] = (await getEpayStatus({ token: 'A', invoiceId: INVOICE, apiUrl: api.url })).outcome;
  }
  assert.deepEqual(outcomes, {
    NEW: 'pending',
    FINGERPRINT: 'pending',
    '3D': 'pending',
    AUTH: 'paid',
    CHARGE: 'paid',
    CANCEL: 'failed',
    CANCEL_OLD: 'failed',
    REFUND: 'failed',
    REJECT: 'failed',
    FAILED: 'failed',
    VERIFIED: 'failed',
    SOMETHING_NEW: 'pending', // never paid on a name it does not know
  });
});

test('resultCodes that say something about the payment: 101 failed, 102 not found, 107 pending; numbers or strings', async (t) => {
  let body;
  const api = await statusApi(t, () => [200, body]);
  const ask = async (b) => ((body = b), getEpayStatus({ token: 'A', invoiceId: INVOICE, apiUrl: api.url }));
  assert.deepEqual(await ask({ resultCode: 101, resultMessage: 'REJECTED' }), { resultCode: 101, resultMessage: 'REJECTED', outcome: 'failed' });
  assert.deepEqual(await ask({ resultCode: '102', resultMessage: 'NOT FOUND', transaction: null }), { resultCode: 102, resultMessage: 'NOT FOUND', outcome: 'not-found' });
  assert.equal((await ask({ resultCode: '107', resultMessage: 'IN PROGRESS' })).outcome, 'pending');
  assert.equal((await ask({ ...found('CHARGE'), resultCode: 100 })).outcome, 'paid');
  assert.deepEqual(Object.keys(EPAY_RESULT_CODES).map(Number), [100, 101, 102, 103, 104, 106, 107, 109]);
});

test('resultCodes that say nothing about the payment (103, 104, 106, 109, unknown) are EpayStatusError `refused` with the code', async (t) => {
  let code;
  const api = await statusApi(t, () => [200, { resultCode: String(code), resultMessage: `CODE ${code}` }]);
  for (code of [103, 104, 106, 109, 999]) {
    const error = await getEpayStatus({ token: 'A', invoiceId: INVOICE, apiUrl: api.url }).catch((e) => e);
    assert.ok(error instanceof EpayStatusError, String(error));
    assert.equal(error.reason, 'refused');
    assert.equal(error.code, code);
    assert.match(error.message, new RegExp(`CODE ${code}`));
  }
});

test('an answer with a resultCode is read whatever the HTTP status; one without is `http` or `bad-answer`', async (t) => {
  let answer;
  const api = await statusApi(t, () => answer);
  const ask = async (a) => ((answer = a), getEpayStatus({ token: 'A', invoiceId: INVOICE, apiUrl: api.url }).catch((e) => e));
  assert.equal((await ask([400, { resultCode: '102', resultMessage: 'NOT FOUND' }])).outcome, 'not-found');
  const cases = [
    [[500, 'upstream down'], 'http', 500],
    [[401, { error: 'invalid_token' }], 'http', 401],
    [[200, 'not json'], 'bad-answer', 200],
    [[200, { resultCode: 'x' }], 'bad-answer', 200],
    [[200, { resultCode: '100', resultMessage: 'SUCCESS' }], 'bad-answer', 200], // found, but no transaction
    [[200, { resultCode: '100', transaction: { invoiceID: INVOICE } }], 'bad-answer', 200], // no statusName
    [[200, found('CHARGE', { invoiceID: '999999999' })], 'bad-answer', 200], // another invoice
    [[200, found('CHARGE', { invoiceID: undefined })], 'bad-answer', 200], // no invoice named: not proven to be this one
  ];
  for (const [a, reason, status] of cases) {
    const error = await ask(a);
    assert.ok(error instanceof EpayStatusError, JSON.stringify(a));
    assert.deepEqual([error.reason, error.status], [reason, status], JSON.stringify(a));
  }
});

test('with `terminal`, a transaction of another terminal is refused', async (t) => {
  const api = await statusApi(t, () => [200, found('CHARGE')]);
  assert.equal((await getEpayStatus({ token: 'A', invoiceId: INVOICE, apiUrl: api.url, terminal: 'T-1' })).outcome, 'paid');
  const error = await getEpayStatus({ token: 'A', invoiceId: INVOICE, apiUrl: api.url, terminal: 'T-2' }).catch((e) => e);
  assert.equal(error.reason, 'bad-answer');
});

test('timeout, and a missing token or invoice is a TypeError', async (t) => {
  const silent = await serve(t, () => {});
  const error = await getEpayStatus({ token: 'A', invoiceId: INVOICE, apiUrl: silent, timeoutMs: 150 }).catch((e) => e);
  assert.ok(error instanceof EpayStatusError);
  assert.equal(error.reason, 'timeout');
  await assert.rejects(getEpayStatus({ token: '', invoiceId: INVOICE, apiUrl: silent }), TypeError);
  await assert.rejects(getEpayStatus({ token: {}, invoiceId: INVOICE, apiUrl: silent }), TypeError);
  await assert.rejects(getEpayStatus({ token: 'A', apiUrl: silent }), TypeError);
});

test("`test` picks Halyk's test API, production otherwise", async (t) => {
  const seen = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => (seen.push(String(url)), Response.json(found('CHARGE')));
  t.after(() => (globalThis.fetch = realFetch));
  await getEpayStatus({ token: 'A', invoiceId: INVOICE, test: true });
  await getEpayStatus({ token: 'A', invoiceId: INVOICE });
  assert.deepEqual(seen, [
    `https://testepay.homebank.kz/api/check-status/payment/transaction/${INVOICE}`,
    `https://epay-api.homebank.kz/check-status/payment/transaction/${INVOICE}`,
  ]);
  assert.equal(EPAY_ENDPOINTS.production.api, 'https://epay-api.homebank.kz');
});
