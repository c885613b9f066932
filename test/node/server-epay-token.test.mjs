// Halyk ePay's token request (seed 003) against a stand-in token server on loopback: every field
// of the multipart form, the answer kept whole, and failures that never carry the client secret.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { EPAY_ENDPOINTS, EpayError, EpayTokenError, requestEpayToken } from 'ktpay-checkout/server';
import { deadUrl, formOf, reply, serve } from './server-helpers.mjs';

const SECRET = 'yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG';
const CREDENTIALS = { clientId: 'test', clientSecret: SECRET, terminal: '67e34d63-102f-4bd1-898e-370781d0074d' };
const TOKEN = { access_token: 'DCEB8O_ZM5U7SO_T_U5EJQ', expires_in: 7200, refresh_token: '', scope: 'payment usermanagement', token_type: 'Bearer' };

/** A token server that records each request (method, content type, form) and answers `answer`. */
async function tokenServer(t, answer = (response) => reply(response, 200, TOKEN)) {
  const requests = [];
  const url = await serve(t, async (request, response) => {
    requests.push({ method: request.method, url: request.url, type: request.headers['content-type'], form: await formOf(request) });
    answer(response, request);
  });
  return { url: `${url}/epay2/oauth2/token`, requests };
}

/** Nothing of the error says the secret: not its message, its properties, its stack, its printout. */
function assertNoSecret(error) {
  assert.ok(error instanceof EpayTokenError && error instanceof EpayError, `not an EpayTokenError: ${error}`);
  assert.equal(error.name, 'EpayTokenError');
  for (const text of [error.message, String(error), error.stack, JSON.stringify(error), inspect(error, { depth: 5 }), ...Object.values(error).map(String)]) {
    assert.ok(!text.includes(SECRET), `the secret is in: ${text}`);
  }
}

const PAYMENT = {
  invoiceId: '000000001',
  amount: 100,
  currency: 'KZT',
  postLink: 'https://example.kz/epay/post-link',
  failurePostLink: 'https://example.kz/epay/post-link?failed',
  secretHash: 'JDKCNDDGGDTPSKJD',
};

test('POSTs multipart/form-data with every field of a payment, and gives the token', async (t) => {
  const server = await tokenServer(t);
  const token = await requestEpayToken({ ...CREDENTIALS, ...PAYMENT, tokenUrl: server.url });
  assert.deepEqual(token, TOKEN);
  assert.equal(server.requests.length, 1);
  const [sent] = server.requests;
  assert.equal(sent.method, 'POST');
  assert.equal(sent.url, '/epay2/oauth2/token');
  assert.match(sent.type, /^multipart\/form-data; boundary=/);
  assert.deepEqual(sent.form, {
    grant_type: 'client_credentials',
    scope: 'payment usermanagement',
    client_id: 'test',
    client_secret: SECRET,
    terminal: CREDENTIALS.terminal,
    secret_hash: 'JDKCNDDGGDTPSKJD',
    invoiceID: '000000001',
    amount: '100',
    currency: 'KZT',
    postLink: 'https://example.kz/epay/post-link',
    failurePostLink: 'https://example.kz/epay/post-link?failed',
  });
});

test("leaves out what is not given, takes the caller's scope, and keeps the answer's unknown fields verbatim", async (t) => {
  const answer = { ...TOKEN, scope: 'transfer', refresh_token: undefined, session: { id: 7 }, expires_at: '2030-01-01' };
  const server = await tokenServer(t, (response) => reply(response, 200, answer));
  const token = await requestEpayToken({ ...CREDENTIALS, scope: 'transfer', invoiceId: '123456', amount: 99.5, tokenUrl: server.url });
  assert.deepEqual(token, JSON.parse(JSON.stringify(answer)));
  assert.deepEqual(server.requests[0].form, {
    grant_type: 'client_credentials',
    scope: 'transfer',
    client_id: 'test',
    client_secret: SECRET,
    terminal: CREDENTIALS.terminal,
    invoiceID: '123456',
    amount: '99.5',
  });
});

test("`test` picks Halyk's test host, production otherwise; tokenUrl overrides both", async (t) => {
  const seen = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => (seen.push(String(url)), Response.json(TOKEN));
  t.after(() => (globalThis.fetch = realFetch));
  await requestEpayToken({ ...CREDENTIALS, test: true });
  await requestEpayToken({ ...CREDENTIALS, test: false });
  await requestEpayToken({ ...CREDENTIALS });
  await requestEpayToken({ ...CREDENTIALS, test: true, tokenUrl: 'http://127.0.0.1:1/token' });
  assert.deepEqual(seen, [EPAY_ENDPOINTS.test.token, EPAY_ENDPOINTS.production.token, EPAY_ENDPOINTS.production.token, 'http://127.0.0.1:1/token']);
  assert.equal(EPAY_ENDPOINTS.test.token, 'https://testoauth.homebank.kz/epay2/oauth2/token');
  assert.equal(EPAY_ENDPOINTS.production.token, 'https://epay-oauth.homebank.kz/oauth2/token');
});

test('an HTTP error that echoes the request is `http` with its status, and its body is not repeated', async (t) => {
  const server = await tokenServer(t, (response, request) => reply(response, 500, `bad form: client_secret=${SECRET}`));
  const error = await requestEpayToken({ ...CREDENTIALS, ...PAYMENT, tokenUrl: server.url }).catch((e) => e);
  assertNoSecret(error);
  assert.equal(error.reason, 'http');
  assert.equal(error.status, 500);
  assert.match(error.message, /HTTP 500/);
});

test("an OAuth error is `refused` with its code; its description (which may repeat the secret) is not kept", async (t) => {
  const server = await tokenServer(t, (response) => reply(response, 401, { error: 'invalid_client', error_description: `client_secret ${SECRET} is wrong` }));
  const error = await requestEpayToken({ ...CREDENTIALS, tokenUrl: server.url }).catch((e) => e);
  assertNoSecret(error);
  assert.equal(error.reason, 'refused');
  assert.equal(error.code, 'invalid_client');
  assert.equal(error.status, 401);

  // An "error" that is the secret itself is not repeated either.
  const echo = await tokenServer(t, (response) => reply(response, 400, { error: SECRET }));
  const echoed = await requestEpayToken({ ...CREDENTIALS, tokenUrl: echo.url }).catch((e) => e);
  assertNoSecret(echoed);
  assert.equal(echoed.reason, 'http');
  assert.equal('code' in echoed, false);
});

test('a 200 that is not a token is `bad-answer`, without its body', async (t) => {
  for (const body of ['<html>maintenance</html>', { ...TOKEN, access_token: '' }, { ...TOKEN, expires_in: '7200' }, { echo: SECRET }, [TOKEN]]) {
    const server = await tokenServer(t, (response) => reply(response, 200, body));
    const error = await requestEpayToken({ ...CREDENTIALS, tokenUrl: server.url }).catch((e) => e);
    assertNoSecret(error);
    assert.equal(error.reason, 'bad-answer', JSON.stringify(body));
  }
});

test('no server is `network`; no answer in time is `timeout`; the caller\'s signal is `aborted`', async (t) => {
  const down = await requestEpayToken({ ...CREDENTIALS, tokenUrl: await deadUrl() }).catch((e) => e);
  assertNoSecret(down);
  assert.equal(down.reason, 'network');

  const silent = await serve(t, () => {}); // never answers
  const started = Date.now();
  const late = await requestEpayToken({ ...CREDENTIALS, tokenUrl: silent, timeoutMs: 200 }).catch((e) => e);
  assertNoSecret(late);
  assert.equal(late.reason, 'timeout');
  assert.ok(Date.now() - started < 5000);

  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const stopped = await requestEpayToken({ ...CREDENTIALS, tokenUrl: silent, signal: controller.signal }).catch((e) => e);
  assertNoSecret(stopped);
  assert.equal(stopped.reason, 'aborted');
  const already = await requestEpayToken({ ...CREDENTIALS, tokenUrl: silent, signal: AbortSignal.abort() }).catch((e) => e);
  assert.equal(already.reason, 'aborted');
});

test('a redirect is not followed (it would resend the secret): `http` with its status', async (t) => {
  const elsewhere = await tokenServer(t);
  const server = await tokenServer(t, (response) => (response.writeHead(307, { Location: elsewhere.url }), response.end()));
  const error = await requestEpayToken({ ...CREDENTIALS, tokenUrl: server.url }).catch((e) => e);
  assertNoSecret(error);
  assert.equal(error.reason, 'http');
  assert.equal(error.status, 307);
  assert.equal(elsewhere.requests.length, 0);
});

test('missing credentials or a bad amount throw a TypeError before anything is sent', async (t) => {
  const server = await tokenServer(t);
  for (const options of [{ clientSecret: undefined }, { clientSecret: '' }, { clientId: undefined }, { terminal: '' }, { amount: 0 }, { amount: Number.NaN }]) {
    await assert.rejects(requestEpayToken({ ...CREDENTIALS, tokenUrl: server.url, ...options }), TypeError, JSON.stringify(options));
  }
  assert.equal(server.requests.length, 0);
});
