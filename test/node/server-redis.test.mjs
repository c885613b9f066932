// KTPay's callback handler on several processes sharing one real Redis: Debian's redis-server,
// started here on a loopback port and stopped at the end. Exactly one onResult per result, however
// the deliveries are spread and repeated; a process that dies mid-onResult lets KTPay's retry
// through after its lease. The tests that apply in one process run on the memory store as well.
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { createCallbackHandler, memoryStore, redisStore } from 'ktpay-checkout/server';
import { clone, deliver, fixture, serve } from './server-helpers.mjs';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const completed = fixture('ktpay-callback-completed');
const missing = !existsSync(REDIS_SERVER);
if (missing && process.env.CI === 'true') throw new Error(`CI=true and ${REDIS_SERVER} is missing (Debian: redis-server; .ci/run installs it)`);
const skip = missing ? `${REDIS_SERVER} not found (Debian: redis-server)` : false;

/** A callback for order `order` with `status`: distinct results, each with its own order. */
function result(order, status = 'completed') {
  const body = clone(completed);
  body.order_id = String(order);
  body.transaction_hash = String(order).padStart(40, '0');
  body.status.status = status;
  return body;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** redis-server on a free loopback port, nothing written to disk; stopped when the tests end. */
async function startRedis() {
  const port = await freePort();
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    try {
      const client = await createClient({ url, socket: { reconnectStrategy: false } }).connect();
      return { url, client, stop: async () => (await client.quit().catch(() => {}), child.kill()) };
    } catch {
      await sleep(50);
    }
  }
  child.kill();
  throw new Error('redis-server did not answer');
}

/** A merchant server process on the Redis (test/node/fixtures/callback-process.mjs). */
async function merchantProcess(redisUrl, env = {}) {
  const child = fork(new URL('./fixtures/callback-process.mjs', import.meta.url), {
    env: { ...process.env, REDIS_URL: redisUrl, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const calls = [];
  const port = await new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'listening') resolve(message.port);
      if (message.type === 'onResult') calls.push(message.result);
    });
    child.once('exit', (code) => reject(new Error(`the merchant process exited (${code}) before listening`)));
  });
  return { url: `http://127.0.0.1:${port}/`, calls, child, stop: () => child.connected && child.disconnect() };
}

describe('the callback handler on two processes and one real Redis', { skip }, () => {
  let redis;
  before(async () => (redis = await startRedis()));
  after(() => redis?.stop());

  test('concurrent and repeated deliveries, spread over both: onResult once per result', { timeout: 60_000 }, async (t) => {
    await redis.client.sendCommand(['FLUSHALL']);
    const processes = await Promise.all([merchantProcess(redis.url), merchantProcess(redis.url)]);
    t.after(() => processes.forEach((p) => p.stop()));
    const results = Array.from({ length: 40 }, (_, i) => result(1000 + i, i % 4 === 0 ? 'error' : 'completed'));
    const REPEATS = 5;
    const deliveries = results.flatMap((body, i) => Array.from({ length: REPEATS }, (_, r) => ({ body, url: processes[(i + r) % 2].url })));
    const started = performance.now();
    const answers = await Promise.all(deliveries.map(({ body, url }) => deliver(url, body)));
    const ms = performance.now() - started;
    assert.deepEqual(new Set(answers.map((a) => a.text)), new Set(['{"status":"ok"}']));
    const calls = processes.flatMap((p) => p.calls);
    assert.equal(calls.length, results.length, 'onResult calls');
    assert.equal(new Set(calls).size, results.length, 'each result once');
    // Which process wins each race is up to the scheduler (on a slow machine one may win them all);
    // both received deliveries of every result, and all of them were acknowledged only once handled.
    t.diagnostic(
      `${deliveries.length} deliveries (${results.length} results × ${REPEATS}), 2 processes, ` +
        `onResult calls ${calls.length} (${processes.map((p) => p.calls.length).join(' + ')}), ${Math.round(ms)} ms`,
    );

    // KTPay's later retries, to either process: acknowledged, never handled again.
    const retries = await Promise.all(results.map((body, i) => deliver(processes[i % 2].url, body)));
    assert.ok(retries.every((a) => a.text === '{"status":"ok"}'));
    assert.equal(processes.flatMap((p) => p.calls).length, results.length);
  });

  test('a process that dies inside onResult: after its lease, the retry is handled by the other', { timeout: 60_000 }, async (t) => {
    await redis.client.sendCommand(['FLUSHALL']);
    const env = { LEASE_MS: '1000', WAIT_MS: '200' };
    const dying = await merchantProcess(redis.url, { ...env, DIE_IN_ON_RESULT: '77' });
    const other = await merchantProcess(redis.url, env);
    t.after(() => [dying, other].forEach((p) => p.stop()));
    const body = result(77);
    const exited = new Promise((resolve) => dying.child.once('exit', resolve));
    await assert.rejects(deliver(dying.url, body)); // the connection dies with the process
    await exited;
    assert.deepEqual(dying.calls, ['77:completed']);

    // At once, the other process finds the result held by the dead one's lease: KTPay will retry.
    const early = await deliver(other.url, body);
    assert.equal(early.status, 503);
    assert.deepEqual(other.calls, []);
    // KTPay's next retry (15 s later in real life), after the lease: handled, once.
    await sleep(1000);
    assert.equal((await deliver(other.url, body)).text, '{"status":"ok"}');
    assert.equal((await deliver(other.url, body)).text, '{"status":"ok"}');
    assert.deepEqual(other.calls, ['77:completed']);
  });
});

describe('a Redis that stops answering (CLIENT PAUSE)', { skip }, () => {
  let redis;
  before(async () => (redis = await startRedis()));
  after(() => redis?.stop());

  test('503 with Retry-After within storeTimeoutMs, not a hanging request; once Redis answers, the result is handled', { timeout: 20_000 }, async (t) => {
    const calls = [];
    const handler = createCallbackHandler({
      callbackSecret: false,
      store: redisStore(redis.client),
      storeTimeoutMs: 300,
      onResult: (callback) => void calls.push(callback.order_id),
      onError() {},
    });
    const url = await serve(t, handler);
    const body = result(6001);
    // A second client pauses every client's commands: the store's SET waits, unanswered.
    const pauser = await createClient({ url: redis.url, socket: { reconnectStrategy: false } }).connect();
    t.after(() => pauser.destroy());
    const PAUSE_MS = 1500;
    await pauser.sendCommand(['CLIENT', 'PAUSE', String(PAUSE_MS), 'ALL']);
    const answer = await deliver(url, body);
    assert.equal(answer.status, 503);
    assert.ok(Number(answer.headers.get('retry-after')) > 0);
    assert.deepEqual(calls, []);

    // The paused SET then lands, claiming the result for a request long answered: the handler gives
    // that claim back, so the sender's next delivery is handled, not held for the whole lease.
    await sleep(PAUSE_MS);
    assert.equal((await deliver(url, body)).text, '{"status":"ok"}');
    assert.deepEqual(calls, ['6001']);
  });
});

// What applies in one process, on the memory store and on Redis alike.
for (const [name, makeStore] of [
  ['memory', async () => ({ store: memoryStore(), stop() {} })],
  ['redis', async () => {
    const redis = await startRedis();
    return { store: redisStore(redis.client), stop: redis.stop };
  }],
]) {
  describe(`the ${name} store in one process`, { skip: name === 'redis' && skip }, () => {
    let store;
    let stop;
    before(async () => ({ store, stop } = await makeStore()));
    after(() => stop?.());

    test('concurrent repeats: onResult once, everyone acknowledged after it', async (t) => {
      let calls = 0;
      const url = await serve(t, createCallbackHandler({ callbackSecret: false, store, onResult: async () => (calls++, await sleep(30)) }));
      const body = result(5001);
      const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(url, body)));
      assert.ok(answers.every((a) => a.text === '{"status":"ok"}'));
      assert.equal(calls, 1);
    });

    test('onResult fails: released at once, so the next delivery is handled', async (t) => {
      let attempts = 0;
      const url = await serve(
        t,
        createCallbackHandler({
          callbackSecret: false,
          store,
          onResult() {
            if (++attempts === 1) throw new Error('database is down');
          },
          onError() {},
        }),
      );
      const body = result(5002);
      assert.equal((await deliver(url, body)).status, 500);
      assert.equal((await deliver(url, body)).text, '{"status":"ok"}');
      assert.equal((await deliver(url, body)).text, '{"status":"ok"}');
      assert.equal(attempts, 2);
    });

    test('two handlers on the store: each result handled once', async (t) => {
      const calls = [];
      const make = () => serve(t, createCallbackHandler({ callbackSecret: false, store, onResult: async (c) => (calls.push(c.order_id), await sleep(20)) }));
      const urls = [await make(), await make()];
      const bodies = [result(5003), result(5004), result(5005)];
      await Promise.all(bodies.flatMap((body) => urls.map((url) => deliver(url, body))));
      assert.deepEqual(calls.sort(), ['5003', '5004', '5005']);
    });
  });
}
