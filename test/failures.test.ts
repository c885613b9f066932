import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { SANDBOX_API_URL } from '../src/sandbox/index.js';
import { mountCheckout, nextEvent, openSealed, payButton, payOnSandbox, recordEvents, sent, shadow, useNetwork, waitUntil, warmedUp } from './helpers.js';

const API = `*${SANDBOX_API_URL}`;
const failureView = (element: HTMLElement) => element.shadowRoot!.querySelector('.result.failure');

describe('validation before anything is sent', () => {
  beforeEach(() => useNetwork());

  it('names every bad field, fails with source validation and sends nothing', async () => {
    const element = await mountCheckout({
      'app-id': null,
      'app-key': 'not-a-key',
      amount: '10.005',
      type: 'service',
      'callback-success-url': 'javascript:alert(1)',
      'callback-force-failed-url': '/relative',
    });
    const log = recordEvents(element);
    const result = await element.open();
    expect(result.outcome).to.equal('failed');
    if (result.outcome !== 'failed') return;
    expect(result.source).to.equal('validation');
    expect(result.code).to.equal(null);
    expect(Object.keys(result.fields!).sort()).to.deep.equal(
      ['amount', 'app-id', 'app-key', 'callback-force-failed-url', 'callback-success-url', 'contract-value', 'service-id'].sort(),
    );
    expect(result.fields!['app-id']).to.deep.equal(['Обязательный параметр не задан.']);
    expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:failed']);
    expect(sent).to.have.length(0);

    await element.updateComplete;
    const view = failureView(element)!;
    expect(view.querySelector('.message')!.textContent).to.equal(result.message);
    expect([...view.querySelectorAll('.fields code')].map((c) => c.textContent)).to.include('amount');
    expect(view.querySelector('[part~="retry"]')).to.equal(null);
  });

  it('accepts a URL-safe, unpadded app-key', async () => {
    const element = await mountCheckout({ 'app-key': 'bXaEMUkum1Lw-Y4LBpzjThulVr655X3zNSjlJ71A_04' });
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(sent).to.have.length(1);
  });

  it('refuses an app-key that is not 32 bytes', async () => {
    const element = await mountCheckout({ 'app-key': btoa('x'.repeat(31)) });
    const result = await element.open();
    expect(result.outcome === 'failed' && result.fields).to.have.keys(['app-key']);
    expect(sent).to.have.length(0);
  });
});

describe('one request per intent', () => {
  beforeEach(() => useNetwork());

  it('sends one transaction however often Pay is pressed or open() is called', async () => {
    const element = await mountCheckout();
    const created = nextEvent(element, 'ktpay:created');
    const first = element.open();
    const second = element.open();
    expect(second).to.equal(first);
    for (let i = 0; i < 5; i++) payButton(element).click();
    await created;
    element.close(); // before the payment page shows: a plain cancel
    expect(await first).to.deep.equal({ outcome: 'cancelled' });
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).to.have.length(1);
  });
});

describe('network and API failures', () => {
  it('a network failure offers Try again, which resends the same order and can succeed', async () => {
    let calls = 0;
    await useNetwork({}, http.post(API, () => (++calls === 1 ? HttpResponse.error() : undefined)));
    const element = await mountCheckout({ description: 'retry me' });
    const result = await element.open();
    expect(result.outcome === 'failed' && result.source).to.equal('network');
    expect(result.outcome === 'failed' && result.code).to.equal(null);
    await element.updateComplete;
    const retry = failureView(element)!.querySelector<HTMLButtonElement>('[part~="retry"]')!;
    expect(retry.textContent!.trim()).to.equal('Попробовать снова');

    const success = nextEvent(element, 'ktpay:success');
    retry.click();
    await payOnSandbox(element);
    await success;
    expect(sent).to.have.length(2);
    await waitUntil(() => sent.every((r) => r.body !== ''));
    const [a, b] = await Promise.all(sent.map((r) => openSealed(r.body)));
    expect(b).to.deep.equal(a);
    expect(sent[0]!.body).not.to.equal(sent[1]!.body); // sealed afresh, same order inside
  });

  for (const [name, handler, reason] of [
    ['an HTML error page', () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }), 'HTTP 502'],
    ['invalid JSON', () => new HttpResponse('{"success": tru', { status: 200 }), 'непонятный ответ'],
    ['JSON without KTPay envelope', () => HttpResponse.json({ hello: 'world' }), 'непонятный ответ'],
  ] as const) {
    it(`${name} ends as a network failure`, async () => {
      await useNetwork({}, http.post(API, handler));
      const element = await mountCheckout();
      const result = await element.open();
      expect(result.outcome === 'failed' && result.source).to.equal('network');
      expect(result.outcome === 'failed' && result.message).to.contain(reason);
    });
  }

  it('a stalled answer times out after `timeout` seconds', async () => {
    await useNetwork({}, http.post(API, () => new Promise(() => {})));
    const element = await warmedUp(await mountCheckout({ timeout: '1' }));
    const result = await element.open();
    expect(result.outcome === 'failed' && result.source).to.equal('network');
    expect(result.outcome === 'failed' && result.message).to.equal('Сервер оплаты не ответил вовремя.');
  });

  it('an unknown app id is KTPay error 4010103, without Try again', async () => {
    await useNetwork();
    const element = await mountCheckout({ 'app-id': 'someone-else' });
    const result = await element.open();
    expect(result).to.include({ outcome: 'failed', source: 'api', code: 4010103 });
    expect(result.outcome === 'failed' && result.message).to.equal('Неверный/несуществующий идентификатор приложения мерчанта.');
    await element.updateComplete;
    expect(failureView(element)!.querySelector('[part~="retry"]')).to.equal(null);
  });

  it("a body sealed to another key is KTPay error 4220101", async () => {
    await useNetwork();
    const element = await mountCheckout({ 'app-key': btoa(String.fromCharCode(...new Uint8Array(32).fill(7))) });
    const result = await element.open();
    expect(result).to.include({ source: 'api', code: 4220101 });
  });

  it("KTPay's own validation (4220002) names the fields as attributes", async () => {
    await useNetwork(
      {},
      http.post(API, () =>
        HttpResponse.json(
          { success: false, error: { code: 4220002, message: 'Ошибка валидации', validation: { 'order.order_id': ['Заказ уже оплачен.'] } } },
          { status: 422 },
        ),
      ),
    );
    const element = await mountCheckout();
    const result = await element.open();
    expect(result).to.include({ source: 'api', code: 4220002, message: 'Ошибка валидации параметров запроса.' });
    expect(result.outcome === 'failed' && result.fields).to.deep.equal({ 'order-id': ['Заказ уже оплачен.'] });
  });

  it('a KTPay server error (5000105) offers Try again', async () => {
    await useNetwork({}, http.post(API, () => HttpResponse.json({ error: { code: 5000105, messages: { error: 'x' } }, response: { success: false } }, { status: 500 })));
    const element = await mountCheckout();
    const result = await element.open();
    expect(result).to.include({ source: 'api', code: 5000105 });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part~="retry"]')).not.to.equal(null);
  });
});
