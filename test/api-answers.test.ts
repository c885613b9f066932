import { expect } from '@open-wc/testing';
import { interpretAnswer, type PaymentPage } from '../src/ktpay/api.js';
import type { Failure } from '../src/core/failure.js';

const WIDGET = new URL('https://widget.test.nplus.tech');
const BAD_ANSWER = { source: 'network', reason: 'bad-answer' };

const published = (data: Record<string, unknown>) => ({ error: [], response: { success: true, data } });

function page(answer: unknown, base = WIDGET): PaymentPage {
  const result = interpretAnswer(answer, base);
  if (!('url' in result)) throw new Error(`expected a page, got ${JSON.stringify(result)}`);
  return result;
}

function failure(answer: unknown): Failure {
  const result = interpretAnswer(answer, WIDGET);
  if ('url' in result) throw new Error(`expected a failure, got ${result.url.href}`);
  return result;
}

describe('interpretAnswer: pages', () => {
  it('builds the payment page from the published answer', () => {
    const result = page(published({ transaction_hash: 'af7e01', show_close_button: true }));
    expect(result.url.href).to.equal('https://widget.test.nplus.tech/payment-card?hash=af7e01&show_close_button=true');
    expect(result.transactionHash).to.equal('af7e01');
  });

  it('passes show_close_button false on to the page', () => {
    const result = page(published({ transaction_hash: 'af7e01', show_close_button: false }));
    expect(result.url.searchParams.get('show_close_button')).to.equal('false');
  });

  it('shows the close button when the answer does not say', () => {
    const result = page(published({ transaction_hash: 'af7e01' }));
    expect(result.url.searchParams.get('show_close_button')).to.equal('true');
  });

  it('handles a base with and without a trailing slash', () => {
    const data = published({ transaction_hash: 'h1', show_close_button: true });
    const expected = 'https://widget.test.nplus.tech/payment-card?hash=h1&show_close_button=true';
    expect(page(data, new URL('https://widget.test.nplus.tech/')).url.href).to.equal(expected);
    expect(page(data, new URL('https://widget.test.nplus.tech')).url.href).to.equal(expected);
  });

  it('keeps the path of a base like https://x.test/sandbox', () => {
    const data = published({ transaction_hash: 'h1', show_close_button: false });
    const expected = 'https://x.test/sandbox/payment-card?hash=h1&show_close_button=false';
    expect(page(data, new URL('https://x.test/sandbox')).url.href).to.equal(expected);
    expect(page(data, new URL('https://x.test/sandbox/')).url.href).to.equal(expected);
  });

  it('refuses a hash with URL-special characters as a bad answer, with or without a page URL', () => {
    for (const hash of ['a&b=c#d', '..', 'a/b', '%2e', '']) {
      expect(failure(published({ transaction_hash: hash })), hash).to.deep.equal(BAD_ANSWER);
      expect(failure(published({ transaction_hash: hash, payment_page: 'https://widget.test.nplus.tech/p/1' })), hash).to.deep.equal(BAD_ANSWER);
    }
  });

  it('takes a page URL without a hash (or with a null one)', () => {
    expect(page(published({ payment_page: 'https://widget.test.nplus.tech/p/1', transaction_hash: null }))).to.deep.equal({
      url: new URL('https://widget.test.nplus.tech/p/1'),
    });
  });

  it('uses the seed-001 payload URL as given', () => {
    const result = page({ success: true, payload: { url: 'https://pay.example.kz/p/123?lang=ru' } });
    expect(result.url.href).to.equal('https://pay.example.kz/p/123?lang=ru');
    expect(result).to.not.have.property('transactionHash');
  });

  it('uses data.payment_page as given, with its hash', () => {
    const result = page(published({ payment_page: 'https://pay.example.kz/card/9', transaction_hash: 'h9' }));
    expect(result.url.href).to.equal('https://pay.example.kz/card/9');
    expect(result.transactionHash).to.equal('h9');
  });

  it('refuses a javascript: page URL as a bad answer', () => {
    expect(failure({ success: true, payload: { url: 'javascript:alert(1)' } })).to.deep.equal(BAD_ANSWER);
    expect(failure(published({ payment_page: 'javascript:alert(1)', transaction_hash: 'h' }))).to.deep.equal(BAD_ANSWER);
  });

  it('refuses a relative or data: page URL', () => {
    expect(failure({ success: true, payload: { url: '/payment-card?hash=1' } })).to.deep.equal(BAD_ANSWER);
    expect(failure({ success: true, payload: { url: 'data:text/html,x' } })).to.deep.equal(BAD_ANSWER);
  });

  it('refuses a success without a hash or a URL', () => {
    expect(failure(published({ show_close_button: true }))).to.deep.equal(BAD_ANSWER);
    expect(failure(published({ transaction_hash: '' }))).to.deep.equal(BAD_ANSWER);
    expect(failure({ success: true })).to.deep.equal(BAD_ANSWER);
  });

  it('requires success to be exactly true', () => {
    expect(failure({ error: [], response: { success: 'true', data: { transaction_hash: 'h' } } })).to.deep.equal(
      BAD_ANSWER,
    );
  });
});

describe('interpretAnswer: errors', () => {
  it('reads a top-level envelope with messages: { error }', () => {
    expect(
      failure({
        success: false,
        data: [],
        error: { code: 4010103, messages: { error: 'Invalid app' }, hint: 'Contact support' },
      }),
    ).to.deep.equal({ source: 'api', code: 4010103, serverMessage: 'Invalid app', serverHint: 'Contact support' });
  });

  it('reads an envelope inside response with message and validation', () => {
    expect(
      failure({
        error: [],
        response: {
          success: false,
          error: {
            code: 4220002,
            message: 'Validation failed',
            validation: { 'order.amount': ['must be positive', 'must be a number'], 'order.order_id': 'required' },
          },
        },
      }),
    ).to.deep.equal({
      source: 'api',
      code: 4220002,
      serverMessage: 'Validation failed',
      validation: { 'order.amount': ['must be positive', 'must be a number'], 'order.order_id': ['required'] },
    });
  });

  it('reads a code sent as a string', () => {
    expect(failure({ success: false, error: { code: '5000001' } })).to.deep.equal({ source: 'api', code: 5000001 });
  });

  it('gives code null for a code that is not a number', () => {
    expect(failure({ success: false, error: { code: 'oops', message: 'Broken' } })).to.deep.equal({
      source: 'api',
      code: null,
      serverMessage: 'Broken',
    });
  });

  it('takes the first text of a messages list', () => {
    const result = failure({ success: false, error: { code: 5000105, messages: { error: ['', 'Second', 'Third'] } } });
    expect(result).to.include({ source: 'api', code: 5000105, serverMessage: 'Second' });
  });

  it('treats an error object as an error even when success is true', () => {
    expect(failure({ success: true, error: { code: 5000001 }, payload: { url: 'https://pay.kz/' } })).to.deep.equal({
      source: 'api',
      code: 5000001,
    });
  });

  it('reads a top-level error beside an unsuccessful response', () => {
    expect(failure({ error: { code: 4010103 }, response: { success: false } })).to.deep.equal({
      source: 'api',
      code: 4010103,
    });
  });
});

describe('interpretAnswer: junk', () => {
  for (const junk of [null, undefined, [], 'x', 42, true, {}, { success: false }, { response: [] }, { error: [] }]) {
    it(`calls ${JSON.stringify(junk)} a bad answer`, () => {
      expect(failure(junk)).to.deep.equal(BAD_ANSWER);
    });
  }
});
