// A real HTTP server on loopback for each test, and KTPay's side of the conversation.
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';

export const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/server/${name}.json`, import.meta.url), 'utf8'));

/**
 * How the tests serve a handler of ktpay-checkout/server: `node`, as Node's `(req, res)`; `fetch`
 * (server-fetch.test.mjs), through its `.fetch`, as a Hono app on Node routes every request to it.
 */
export const SERVER_FORM = process.env.KTPAY_SERVER_FORM === 'fetch' ? 'fetch' : 'node';

/**
 * What KTPay reads from a seal: opened with the sandbox's published secret key. Its modules are
 * loaded when first asked for, not by every test that imports these helpers.
 */
export async function openSealed(sealed) {
  const [{ default: sodium }, { SANDBOX_APP_KEY, SANDBOX_SECRET_KEY }] = await Promise.all([import('libsodium-wrappers'), import('ktpay-checkout/sandbox')]);
  await sodium.ready;
  const v = sodium.base64_variants.ORIGINAL;
  const plain = sodium.crypto_box_seal_open(sodium.from_base64(sealed.trim(), v), sodium.from_base64(SANDBOX_APP_KEY, v), sodium.from_base64(SANDBOX_SECRET_KEY, v));
  return JSON.parse(sodium.to_string(plain));
}

/** A Hono app on Node whose every request, whatever its method or path, goes to `handler.fetch`. */
function honoServer(handler) {
  const app = new Hono();
  app.all('*', (c) => handler.fetch(c.req.raw));
  return createAdaptorServer({ fetch: app.fetch });
}

/** Serves `listener` on 127.0.0.1 at a free port until the test ends (a handler of ours in SERVER_FORM). */
export async function serve(t, listener) {
  const server = SERVER_FORM === 'fetch' && typeof listener.fetch === 'function' ? honoServer(listener) : createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections(); // a test that failed may leave a request hanging
    return new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address();
  return `http://127.0.0.1:${port}`;
}

/** POSTs like KTPay does, and reads the answer. */
export async function deliver(url, body, { method = 'POST', headers = {} } = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/**
 * Starts a body of `bytes` with no Content-Length (chunked) and never finishes it: the answer can
 * only come if the server stops reading at its limit.
 */
export function sendEndlessBody(url, bytes) {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        outgoing.destroy();
        resolve({ status: response.statusCode, headers: response.headers, json: JSON.parse(text) });
      });
    });
    outgoing.on('error', reject);
    outgoing.write('{"merchant_id":1,"description":"' + 'x'.repeat(bytes));
  });
}

/**
 * `handler` (a handler of ours, either form) counting the requests that reach it, and `all`: a
 * promise of the moment `count` of them have, and this process has then run what was queued (their
 * bodies read). An onResult that waits for it holds a delivery until its repeats are in, whatever
 * the machine's speed, rather than for a guessed number of milliseconds.
 */
export function arrivals(handler, count) {
  const all = deferred();
  let seen = 0;
  const arrive = () => ++seen === count && setTimeout(all.resolve, 20);
  const counted = Object.assign((request, response) => (arrive(), handler(request, response)), {
    fetch: (request) => (arrive(), handler.fetch(request)),
  });
  return { handler: counted, all: all.promise };
}

/** A promise with its resolve and reject in hand. */
export function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

export const clone = (value) => structuredClone(value);

/** A request's whole body, as bytes. */
export async function bodyOf(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A multipart/form-data (or urlencoded) request body, parsed as fetch parses one: { name: value }. */
export async function formOf(request) {
  const form = await new Response(await bodyOf(request), { headers: { 'Content-Type': request.headers['content-type'] ?? '' } }).formData();
  return Object.fromEntries(form);
}

/** Answers `status` with `body` (an object as JSON, a string as it is). */
export function reply(response, status, body) {
  response.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A URL on loopback where nothing listens: a server started and closed again. */
export async function deadUrl() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
