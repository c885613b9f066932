import { readKtpayConnection, type Connection } from '../src/ktpay/connection.js';
import { expect } from '@open-wc/testing';
import { decodeAppKey } from '../src/crypto/app-key.js';
import { readParams, type CheckoutInput, type FieldProblems, type Payment } from '../src/params/params.js';
import { parseHttpUrl } from '../src/params/url.js';

/** A real 32-byte X25519 public key (the sandbox's published test key): standard alphabet, padded. */
const KEY = 'bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04=';
const KEY_HEX = '6d768431492e9b52f0f98e0b069ce34e1ba556beb9e57df33528e527bd40ff4e';
const BASE = 'https://shop.kz/checkout/page.html';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const base64Of = (length: number) => btoa(String.fromCharCode(...Array.from({ length }, (_, i) => (i * 7 + 3) & 0xff)));

const VALID: CheckoutInput = { appId: 'app-1', appKey: KEY, orderId: 'A-1', amount: '1500' };

function ok(input: CheckoutInput): { payment: Payment; connection: Connection } {
  const result = readParams(input, BASE, readKtpayConnection);
  if (!result.ok) throw new Error(`expected ok, got problems ${JSON.stringify(result.fields)}`);
  return result;
}

function problems(input: CheckoutInput): FieldProblems {
  const result = readParams(input, BASE, readKtpayConnection);
  if (result.ok) throw new Error('expected problems, got ok');
  return result.fields;
}

describe('readParams', () => {
  describe('a valid ecom order', () => {
    it('gives the payment and connection', () => {
      const { payment, connection } = ok({
        ...VALID,
        orderId: ' A-1 ',
        description: 'Two books',
        callbackSuccessUrl: 'https://shop.kz/ok?x=1',
        callbackFailedUrl: 'https://shop.kz/fail',
        merchantUserId: 42,
        phone: '+77001234567',
        email: 'buyer@shop.kz',
        testMode: true,
      });
      expect(payment.orderId).to.equal('A-1');
      expect(payment.amount).to.equal(1500);
      expect(payment.type).to.equal('ecom');
      expect(payment.description).to.equal('Two books');
      expect(payment.callbacks.success?.href).to.equal('https://shop.kz/ok?x=1');
      expect(payment.callbacks.failed?.href).to.equal('https://shop.kz/fail');
      expect(payment.user).to.deep.equal({ merchantUserId: '42', phone: '+77001234567', email: 'buyer@shop.kz' });
      expect(connection.appId).to.equal('app-1');
      expect(hex(connection.appKey!)).to.equal(KEY_HEX);
      expect(connection.testMode).to.equal(true);
      expect(connection.timeoutMs).to.equal(30000);
    });

    it('leaves unset optional fields out', () => {
      const { payment, connection } = ok({
        ...VALID,
        description: '',
        phone: '   ',
        email: null,
        merchantUserId: undefined,
        callbackBackUrl: '',
        apiUrl: '',
        widgetUrl: null,
      });
      expect(Object.keys(payment).sort()).to.deep.equal(['amount', 'callbacks', 'orderId', 'type', 'user']);
      expect(payment.callbacks).to.deep.equal({});
      expect(payment.user).to.deep.equal({});
      expect(Object.keys(connection).sort()).to.deep.equal(['appId', 'appKey', 'testMode', 'timeoutMs']);
      expect(connection.testMode).to.equal(false);
    });

    it('accepts a numeric order id', () => {
      expect(ok({ ...VALID, orderId: 77 }).payment.orderId).to.equal('77');
    });
  });

  describe('bad fields', () => {
    it('names every missing required field at once', () => {
      expect(problems({})).to.deep.equal({
        'app-id': ['required'],
        'app-key': ['required'],
        'order-id': ['required'],
        amount: ['required'],
      });
    });

    it('names every bad field at once', () => {
      const fields = problems({
        appId: 'app-1',
        appKey: 'not a key',
        orderId: 'A-1',
        amount: '-5',
        type: 'foo',
        callbackSuccessUrl: 'javascript:alert(1)',
        callbackForceFailedUrl: '/fail',
        apiUrl: 'ftp://x',
        email: 'nobody',
        timeout: 'x',
      });
      expect(fields).to.deep.equal({
        'app-key': ['app-key'],
        amount: ['amount'],
        type: ['type'],
        'callback-success-url': ['url'],
        'callback-force-failed-url': ['url'],
        'api-url': ['url'],
        email: ['email'],
        timeout: ['timeout'],
      });
    });

    it('keeps the order id in the result when refused', () => {
      const result = readParams({ ...VALID, amount: '0' }, BASE, readKtpayConnection);
      expect(result.ok).to.equal(false);
      expect(!result.ok && result.orderId).to.equal('A-1');
    });

    for (const amount of ['0', '-1', '1.005', '1e3', '1,5', 'abc', '+5', '0x10', 'Infinity', 0, -1, NaN]) {
      it(`refuses amount ${JSON.stringify(amount)}`, () => {
        expect(problems({ ...VALID, amount }).amount).to.deep.equal(['amount']);
      });
    }

    it('refuses a blank amount as missing', () => {
      expect(problems({ ...VALID, amount: ' ' }).amount).to.deep.equal(['required']);
    });

    for (const [amount, expected] of [
      ['10', 10],
      ['10.5', 10.5],
      ['10.50', 10.5],
      [' 10.50 ', 10.5],
      ['0.01', 0.01],
      [0.01, 0.01],
      [1500, 1500],
    ] as const) {
      it(`accepts amount ${JSON.stringify(amount)} as ${expected}`, () => {
        expect(ok({ ...VALID, amount }).payment.amount).to.equal(expected);
      });
    }

    it('refuses an unknown type', () => {
      expect(problems({ ...VALID, type: 'foo' }).type).to.deep.equal(['type']);
    });

    it('requires service-id and contract-value for a service order', () => {
      expect(problems({ ...VALID, type: 'service' })).to.deep.equal({
        'service-id': ['required'],
        'contract-value': ['required'],
      });
    });

    it('refuses a service-id that is not a positive integer', () => {
      for (const serviceId of ['1.5', '0', '-3', 'abc']) {
        expect(problems({ ...VALID, type: 'service', serviceId, contractValue: 'C-1' }), serviceId).to.deep.equal({
          'service-id': ['service-id'],
        });
      }
    });

    it('reads a valid service order', () => {
      const { payment } = ok({ ...VALID, type: 'service', serviceId: '12', contractValue: ' 000123 ' });
      expect(payment.type).to.equal('service');
      expect(payment.service).to.deep.equal({ serviceId: 12, contractValue: '000123' });
    });

    it('ignores service fields on an ecom order', () => {
      const { payment } = ok({ ...VALID, serviceId: '12', contractValue: 'C-1' });
      expect(payment).to.not.have.property('service');
    });

    it('refuses a bad email', () => {
      expect(problems({ ...VALID, email: 'a@b' }).email).to.deep.equal(['email']);
    });
  });

  describe('app-key', () => {
    it('refuses text that is not base64', () => {
      expect(problems({ ...VALID, appKey: 'not*base64!' })['app-key']).to.deep.equal(['app-key']);
    });

    it('refuses a key of 31 or 33 bytes', () => {
      expect(problems({ ...VALID, appKey: base64Of(31) })['app-key']).to.deep.equal(['app-key']);
      expect(problems({ ...VALID, appKey: base64Of(33) })['app-key']).to.deep.equal(['app-key']);
    });

    it('accepts a 32-byte key with other bytes', () => {
      expect(ok({ ...VALID, appKey: base64Of(32) }).connection.appKey).to.have.length(32);
    });
  });
});

describe('decodeAppKey', () => {
  const forms = {
    'standard padded': KEY,
    'standard unpadded': KEY.replace(/=+$/, ''),
    'URL-safe padded': KEY.replace(/\+/g, '-').replace(/\//g, '_'),
    'URL-safe unpadded': 'bXaEMUkum1Lw-Y4LBpzjThulVr655X3zNSjlJ71A_04',
    'with surrounding spaces': `  ${KEY}\n`,
  };
  for (const [name, value] of Object.entries(forms)) {
    it(`decodes the ${name} form of a real key`, () => {
      const key = decodeAppKey(value);
      expect(key).to.be.instanceOf(Uint8Array);
      expect(hex(key!)).to.equal(KEY_HEX);
    });
  }

  it('refuses 31 and 33 bytes', () => {
    expect(decodeAppKey(base64Of(31))).to.equal(null);
    expect(decodeAppKey(base64Of(33))).to.equal(null);
  });

  it('refuses non-base64 text, inner padding and empty text', () => {
    expect(decodeAppKey('not a key at all, really not one!')).to.equal(null);
    expect(decodeAppKey(KEY.slice(0, 20) + '=' + KEY.slice(21))).to.equal(null);
    expect(decodeAppKey('')).to.equal(null);
    expect(decodeAppKey('====')).to.equal(null);
  });

  it('refuses a length no base64 can have', () => {
    expect(decodeAppKey(KEY.replace(/=+$/, '') + 'A')).to.equal(null);
  });
});

describe('callback URLs', () => {
  const refused = [
    'javascript:alert(1)',
    'data:text/html,x',
    'javascript://host/%0aalert(1)',
    '&#106;avascript:alert(1)',
    '%6Aavascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '/ok',
    'ok',
    '//shop.kz/ok',
    'https://user:pass@shop.kz/',
    'https://user@shop.kz/',
    'ftp://x',
    'file:///etc/passwd',
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(problems({ ...VALID, callbackSuccessUrl: url })['callback-success-url']).to.deep.equal(['url']);
      expect(parseHttpUrl(url)).to.equal(null);
    });
  }

  it('names each bad callback attribute', () => {
    const fields = problems({
      ...VALID,
      callbackBackUrl: 'x',
      callbackSuccessUrl: 'x',
      callbackFailedUrl: 'x',
      callbackPostUrl: 'x',
      callbackForceBackUrl: 'x',
      callbackForceSuccessUrl: 'x',
      callbackForceFailedUrl: 'x',
    });
    expect(Object.keys(fields).sort()).to.deep.equal([
      'callback-back-url',
      'callback-failed-url',
      'callback-force-back-url',
      'callback-force-failed-url',
      'callback-force-success-url',
      'callback-post-url',
      'callback-success-url',
    ]);
  });

  it('accepts an absolute https URL with a query', () => {
    const { payment } = ok({ ...VALID, callbackSuccessUrl: 'https://shop.kz/ok?x=1' });
    expect(payment.callbacks.success?.href).to.equal('https://shop.kz/ok?x=1');
  });

  it('fills every callback slot', () => {
    const { payment } = ok({
      ...VALID,
      callbackBackUrl: 'https://shop.kz/back',
      callbackSuccessUrl: 'https://shop.kz/ok',
      callbackFailedUrl: 'https://shop.kz/fail',
      callbackPostUrl: 'https://shop.kz/post',
      callbackForceBackUrl: 'https://shop.kz/fback',
      callbackForceSuccessUrl: 'https://shop.kz/fok',
      callbackForceFailedUrl: 'http://shop.kz/ffail',
    });
    const hrefs = Object.fromEntries(Object.entries(payment.callbacks).map(([k, v]) => [k, v.href]));
    expect(hrefs).to.deep.equal({
      back: 'https://shop.kz/back',
      success: 'https://shop.kz/ok',
      failed: 'https://shop.kz/fail',
      post: 'https://shop.kz/post',
      forceBack: 'https://shop.kz/fback',
      forceSuccess: 'https://shop.kz/fok',
      forceFailed: 'http://shop.kz/ffail',
    });
  });

  it('does not resolve a relative callback against the page', () => {
    expect(problems({ ...VALID, callbackSuccessUrl: '/ok' })).to.have.property('callback-success-url');
  });
});

describe('parseHttpUrl', () => {
  it('refuses non-strings and over-long strings', () => {
    expect(parseHttpUrl(42)).to.equal(null);
    expect(parseHttpUrl(null)).to.equal(null);
    expect(parseHttpUrl(new URL('https://shop.kz/'))).to.equal(null);
    expect(parseHttpUrl(`https://shop.kz/${'a'.repeat(4100)}`)).to.equal(null);
  });

  it('resolves a relative URL against a base', () => {
    expect(parseHttpUrl('/api', 'https://shop.kz/a/b')?.href).to.equal('https://shop.kz/api');
    expect(parseHttpUrl('javascript:alert(1)', 'https://shop.kz/')).to.equal(null);
  });
});

describe('api-url and widget-url', () => {
  it('resolves relative URLs against the base given', () => {
    const { connection } = ok({ ...VALID, apiUrl: '/sandbox/api/payment', widgetUrl: 'sandbox/' });
    expect(connection.apiUrl?.href).to.equal('https://shop.kz/sandbox/api/payment');
    expect(connection.widgetUrl?.href).to.equal('https://shop.kz/checkout/sandbox/');
  });

  it('keeps absolute URLs', () => {
    const { connection } = ok({ ...VALID, apiUrl: 'https://proxy.test/pay', widgetUrl: 'https://x.test/sandbox' });
    expect(connection.apiUrl?.href).to.equal('https://proxy.test/pay');
    expect(connection.widgetUrl?.href).to.equal('https://x.test/sandbox');
  });

  it('refuses non-http endpoints', () => {
    expect(problems({ ...VALID, apiUrl: 'javascript:alert(1)', widgetUrl: 'data:text/html,x' })).to.deep.equal({
      'api-url': ['url'],
      'widget-url': ['url'],
    });
  });
});

describe('show-close-button', () => {
  it('"false" and false hide the close button', () => {
    expect(ok({ ...VALID, showCloseButton: 'false' }).payment.showCloseButton).to.equal(false);
    expect(ok({ ...VALID, showCloseButton: false }).payment.showCloseButton).to.equal(false);
  });

  it('"true", true, "" and absent leave it out', () => {
    for (const showCloseButton of ['true', true, '', null, undefined]) {
      expect(ok({ ...VALID, showCloseButton }).payment, String(showCloseButton)).to.not.have.property('showCloseButton');
    }
  });
});

describe('timeout', () => {
  it('defaults to 30 seconds', () => {
    expect(ok(VALID).connection.timeoutMs).to.equal(30000);
  });

  it('reads seconds', () => {
    expect(ok({ ...VALID, timeout: '5' }).connection.timeoutMs).to.equal(5000);
    expect(ok({ ...VALID, timeout: 12 }).connection.timeoutMs).to.equal(12000);
  });

  for (const timeout of ['0', 'x', '-5', 'Infinity', 0]) {
    it(`refuses ${JSON.stringify(timeout)}`, () => {
      expect(problems({ ...VALID, timeout })).to.deep.equal({ timeout: ['timeout'] });
    });
  }

  // Regression: a timeout longer than setTimeout can wait (2^31-1 ms, about 24.8 days) is accepted, and
  // sodium.ts's setTimeout(…, timeoutMs) then fires at once: Pay fails with a crypto timeout
  // immediately instead of waiting longer. readParams should refuse or clamp such a value.
  it('refuses or clamps a timeout longer than setTimeout can wait', () => {
    const result = readParams({ ...VALID, timeout: '30000000' }, BASE, readKtpayConnection);
    if (result.ok) expect(result.connection.timeoutMs).to.be.at.most(2 ** 31 - 1);
    else expect(result.fields).to.have.property('timeout');
  });
});
