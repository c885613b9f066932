import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { CallbackAttempt } from '../src/sandbox/index.js';
import { parseCallback } from '../src/server/parse-callback.js';
import { mountCheckout, nextEvent, payOnSandbox, useNetwork } from './helpers.js';

/** The merchant's callback endpoint, on the page's origin, answered by msw. */
const CALLBACK_URL = `${location.origin}/merchant/ktpay/callback`;

/**
 * What the merchant's server received from the sandbox, answered with `answers` in turn (the last
 * one repeats), and a promise for the sandbox's last attempt (acknowledged, or given up).
 */
async function merchantServer(answers: (() => Response)[], timeScale = 0.001) {
  const bodies: string[] = [];
  const attempts: CallbackAttempt[] = [];
  let done!: (last: CallbackAttempt) => void;
  const finished = new Promise<CallbackAttempt>((resolve) => (done = resolve));
  await useNetwork(
    {
      callbackTimeScale: timeScale,
      onCallback(attempt) {
        attempts.push(attempt);
        if (attempt.acknowledged || attempt.final) done(attempt);
      },
    },
    http.post(CALLBACK_URL, async ({ request }) => {
      bodies.push(await request.text());
      return answers[Math.min(bodies.length, answers.length) - 1]!();
    }),
  );
  return { bodies, attempts, finished };
}

const ok = () => HttpResponse.json({ status: 'ok' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the sandbox notifies the merchant server, as KTPay does', () => {
  it('after a payment: one callback in seed 000’s shape, which the server entry accepts, matching the event', async () => {
    const server = await merchantServer([ok]);
    const element = await mountCheckout({ amount: '1500.50', description: 'Two books', 'callback-post-url': CALLBACK_URL });
    const success = nextEvent(element, 'ktpay:success');
    void element.open();
    await payOnSandbox(element);
    const { detail } = await success;
    const last = await server.finished;

    expect(last).to.include({ url: CALLBACK_URL, attempt: 1, httpStatus: 200, acknowledged: true, final: false });
    expect(server.bodies).to.have.length(1);
    const parsed = parseCallback(server.bodies[0]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { callback } = parsed;
    expect(callback).to.include({
      merchant_id: 1,
      order_id: element.orderId,
      description: 'Two books',
      amount: 1500.5,
      transaction_hash: detail.transactionHash,
    });
    expect(callback.status).to.include({ status: 'completed', error: null });
    expect(callback.created_at).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00$/);
  });

  it('after a decline: the callback carries the error type and the acquirer code the buyer saw', async () => {
    const server = await merchantServer([ok]);
    const element = await mountCheckout({ 'callback-post-url': CALLBACK_URL });
    const failed = nextEvent(element, 'ktpay:failed');
    void element.open();
    await payOnSandbox(element, { cvv: '999' });
    const { detail } = await failed;
    await server.finished;
    const parsed = parseCallback(server.bodies[0]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.callback.status.status).to.equal('error');
    expect(parsed.callback.status.error).to.deep.equal({ error_type: 'ERROR_PAYMENT', error_message: 'Do not honour', code: detail.code });
  });

  it('retries on any answer but {"status":"ok"}, on the schedule, then stops', async () => {
    const server = await merchantServer([
      () => HttpResponse.json({ status: 'error' }, { status: 500 }),
      () => HttpResponse.text('ok'),
      () => HttpResponse.json({ status: 'OK' }),
      () => HttpResponse.error(),
      ok,
    ]);
    const element = await mountCheckout({ 'callback-post-url': CALLBACK_URL });
    void element.open();
    await payOnSandbox(element);
    await server.finished;
    expect(server.attempts.map(({ attempt, httpStatus, acknowledged }) => [attempt, httpStatus, acknowledged])).to.deep.equal([
      [1, 500, false],
      [2, 200, false],
      [3, 200, false],
      [4, 0, false],
      [5, 200, true],
    ]);
    expect(new Set(server.bodies).size, 'every retry sends the same body').to.equal(1);
    await pause(700); // longer than the next scaled retry (600 ms × 0.001 … 30 min × 0.001)
    expect(server.bodies).to.have.length(5);
  });

  it('gives up after KTPay’s six retries', async () => {
    const server = await merchantServer([() => HttpResponse.json({ status: 'error' }, { status: 503 })], 0.0002);
    const element = await mountCheckout({ 'callback-post-url': CALLBACK_URL });
    void element.open();
    await payOnSandbox(element);
    const last = await server.finished;
    expect(last).to.include({ attempt: 7, acknowledged: false, final: true });
    expect(server.bodies).to.have.length(7);
  });

  it('sends nothing without callback-post-url', async () => {
    const server = await merchantServer([ok]);
    const element = await mountCheckout();
    const success = nextEvent(element, 'ktpay:success');
    void element.open();
    await payOnSandbox(element);
    await success;
    await pause(100);
    expect(server.attempts).to.deep.equal([]);
    expect(server.bodies).to.deep.equal([]);
  });
});
