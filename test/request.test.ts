import { readKtpayConnection, type Connection } from '../src/ktpay/connection.js';
import { expect } from '@open-wc/testing';
import { ktpayEndpoints, KTPAY_ENDPOINTS } from '../src/ktpay/endpoints.js';
import type { OwnCallbackUrls } from '../src/core/callback-urls.js';
import { toKtpayRequest } from '../src/ktpay/request.js';
import { readParams, type CheckoutInput, type Payment } from '../src/params/params.js';

const KEY = 'bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04=';
const BASE = 'https://shop.kz/checkout';

function read(input: CheckoutInput): { payment: Payment; connection: Connection } {
  const result = readParams({ appId: 'app-1', appKey: KEY, ...input }, BASE, readKtpayConnection);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.fields)}`);
  return result;
}

/** What goes on the wire (before sealing): the JSON text, read back. */
const wire = (payment: Payment, own?: OwnCallbackUrls) => JSON.parse(JSON.stringify(toKtpayRequest(payment, own)));

const OWN: OwnCallbackUrls = {
  success: new URL('https://shop.kz/checkout?ktpay-checkout=success.n1'),
  failed: new URL('https://shop.kz/checkout?ktpay-checkout=failed.n1'),
};

describe('toKtpayRequest', () => {
  it('maps a full ecom order to snake_case JSON', () => {
    const { payment } = read({
      orderId: 'A-17',
      amount: '1500.50',
      description: 'Two books',
      callbackBackUrl: 'https://shop.kz/back',
      callbackSuccessUrl: 'https://shop.kz/ok?x=1',
      callbackFailedUrl: 'https://shop.kz/fail',
      callbackPostUrl: 'https://shop.kz/api/post',
      callbackForceBackUrl: 'https://shop.kz/fback',
      callbackForceSuccessUrl: 'https://shop.kz/fok',
      callbackForceFailedUrl: 'https://shop.kz/ffail',
      merchantUserId: 'u-9',
      phone: '+77001234567',
      email: 'buyer@shop.kz',
      showCloseButton: 'false',
    });
    expect(wire(payment, OWN)).to.deep.equal({
      order: {
        order_id: 'A-17',
        amount: 1500.5,
        type: 'ecom',
        description: 'Two books',
        callback_back_url: 'https://shop.kz/back',
        callback_success_url: 'https://shop.kz/ok?x=1',
        callback_failed_url: 'https://shop.kz/fail',
        callback_post_url: 'https://shop.kz/api/post',
        callback_force_back_url: 'https://shop.kz/fback',
        callback_force_success_url: 'https://shop.kz/fok',
        callback_force_failed_url: 'https://shop.kz/ffail',
        show_close_button: false,
      },
      user: { merchant_user_id: 'u-9', phone: '+77001234567', email: 'buyer@shop.kz' },
    });
  });

  it('sends the amount as a JSON number', () => {
    const { payment } = read({ orderId: '1', amount: '10.05' });
    expect(JSON.stringify(toKtpayRequest(payment))).to.contain('"amount":10.05');
  });

  it('maps a service order', () => {
    const { payment } = read({ orderId: 'S-1', amount: 700, type: 'service', serviceId: '15', contractValue: '000123' });
    expect(wire(payment)).to.deep.equal({
      order: {
        order_id: 'S-1',
        amount: 700,
        type: 'service',
        service: { service_id: 15, contract_value: '000123' },
      },
    });
  });

  it('leaves user out when it is empty', () => {
    const { payment } = read({ orderId: '1', amount: '1' });
    expect(toKtpayRequest(payment)).to.not.have.property('user');
  });

  it('sends only the user fields given', () => {
    const { payment } = read({ orderId: '1', amount: '1', email: 'a@b.kz' });
    expect(wire(payment).user).to.deep.equal({ email: 'a@b.kz' });
  });

  it('never sends null or empty strings', () => {
    const { payment } = read({ orderId: '1', amount: '1', description: '', phone: ' ', callbackBackUrl: '' });
    const json = JSON.stringify(toKtpayRequest(payment));
    expect(json).to.equal('{"order":{"order_id":"1","amount":1,"type":"ecom"}}');
  });

  it('uses its own callback URLs where the merchant gave none', () => {
    const { payment } = read({ orderId: '1', amount: '1' });
    const order = wire(payment, OWN).order;
    expect(order.callback_success_url).to.equal('https://shop.kz/checkout?ktpay-checkout=success.n1');
    expect(order.callback_failed_url).to.equal('https://shop.kz/checkout?ktpay-checkout=failed.n1');
    expect(order).to.not.have.property('callback_back_url');
    expect(order).to.not.have.property('callback_force_success_url');
  });

  it("keeps the merchant's success URL and fills in only the failed one", () => {
    const { payment } = read({ orderId: '1', amount: '1', callbackSuccessUrl: 'https://shop.kz/thanks' });
    const order = wire(payment, OWN).order;
    expect(order.callback_success_url).to.equal('https://shop.kz/thanks');
    expect(order.callback_failed_url).to.equal('https://shop.kz/checkout?ktpay-checkout=failed.n1');
  });

  it("keeps the merchant's failed URL and fills in only the success one", () => {
    const { payment } = read({ orderId: '1', amount: '1', callbackFailedUrl: 'https://shop.kz/sorry' });
    const order = wire(payment, OWN).order;
    expect(order.callback_success_url).to.equal('https://shop.kz/checkout?ktpay-checkout=success.n1');
    expect(order.callback_failed_url).to.equal('https://shop.kz/sorry');
  });

  it('sends no success/failed URL without own URLs or merchant ones', () => {
    const { payment } = read({ orderId: '1', amount: '1' });
    const order = wire(payment).order;
    expect(order).to.not.have.property('callback_success_url');
    expect(order).to.not.have.property('callback_failed_url');
  });

  it('sends show_close_button only when it is false', () => {
    expect(wire(read({ orderId: '1', amount: '1', showCloseButton: 'true' }).payment).order).to.not.have.property(
      'show_close_button',
    );
    expect(wire(read({ orderId: '1', amount: '1', showCloseButton: false }).payment).order.show_close_button).to.equal(
      false,
    );
  });
});

describe('ktpayEndpoints', () => {
  it('uses the published test endpoints in test mode', () => {
    const { connection } = read({ orderId: '1', amount: '1', testMode: true });
    const endpoints = ktpayEndpoints(connection);
    expect(endpoints.api.href).to.equal('https://fintech.test.nplus.tech/api/v1/merchant-widget/payment');
    expect(endpoints.widget.origin).to.equal('https://widget.test.nplus.tech');
  });

  it('uses production otherwise', () => {
    const { connection } = read({ orderId: '1', amount: '1' });
    const endpoints = ktpayEndpoints(connection);
    expect(endpoints.api.href).to.equal('https://fintech.nplus.tech/api/v1/merchant-widget/payment');
    expect(endpoints.widget.origin).to.equal('https://widget.nplus.tech');
  });

  it('lets api-url and widget-url override either mode', () => {
    for (const testMode of [true, false]) {
      const { connection } = read({
        orderId: '1',
        amount: '1',
        testMode,
        apiUrl: '/sandbox/api/v1/merchant-widget/payment',
        widgetUrl: 'https://x.test/sandbox',
      });
      const endpoints = ktpayEndpoints(connection);
      expect(endpoints.api.href).to.equal('https://shop.kz/sandbox/api/v1/merchant-widget/payment');
      expect(endpoints.widget.href).to.equal('https://x.test/sandbox');
    }
  });

  it('overrides one endpoint and keeps the other', () => {
    const { connection } = read({ orderId: '1', amount: '1', testMode: true, apiUrl: 'https://proxy.test/pay' });
    const endpoints = ktpayEndpoints(connection);
    expect(endpoints.api.href).to.equal('https://proxy.test/pay');
    expect(endpoints.widget.origin).to.equal('https://widget.test.nplus.tech');
  });

  it('never hands out the shared default URL objects', () => {
    const { connection } = read({ orderId: '1', amount: '1', testMode: true });
    ktpayEndpoints(connection).api.pathname = '/changed';
    expect(ktpayEndpoints(connection).api.pathname).to.equal('/api/v1/merchant-widget/payment');
    expect(KTPAY_ENDPOINTS.test.api).to.equal('https://fintech.test.nplus.tech/api/v1/merchant-widget/payment');
  });
});
