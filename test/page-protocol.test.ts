import { expect } from '@open-wc/testing';
import { acquirerCodeIn, callbacksToSend, isCallbackUrl, ownCallbackUrls, OWN_CALLBACK_PARAM } from '../src/core/callback-urls.js';
import { outcomeOf, type OutcomeContext } from '../src/ktpay/outcome.js';
import { parsePageMessage, type PageMessage } from '../src/ktpay/page-protocol.js';
import type { CallbackUrls } from '../src/params/params.js';

const navigate = (href: string): PageMessage => ({ kind: 'navigate', url: new URL(href) });

describe('parsePageMessage: the published page', () => {
  it('reads "close"', () => {
    expect(parsePageMessage('close')).to.deep.equal({ kind: 'close' });
    expect(parsePageMessage(' close\n')).to.deep.equal({ kind: 'close' });
  });

  it('reads an absolute https URL as navigate', () => {
    const message = parsePageMessage('https://shop.kz/ok?code=00');
    expect(message?.kind).to.equal('navigate');
    expect(message?.kind === 'navigate' && message.url.href).to.equal('https://shop.kz/ok?code=00');
  });

  it('reads an absolute http URL as navigate', () => {
    expect(parsePageMessage('http://localhost:8000/ok')?.kind).to.equal('navigate');
  });

  for (const data of [
    'javascript:alert(1)',
    'javascript://http/%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/ok',
    'shop.kz/ok',
    'see http://shop.kz',
    'https://user:pass@shop.kz/',
    'ftp://shop.kz/',
    '',
    'CLOSE',
  ]) {
    it(`ignores ${JSON.stringify(data)}`, () => {
      expect(parsePageMessage(data)).to.equal(null);
    });
  }

  it('ignores strings longer than 4096 characters', () => {
    const long = `https://shop.kz/${'a'.repeat(4096 - 'https://shop.kz/'.length)}`;
    expect(long).to.have.length(4096);
    expect(parsePageMessage(long)?.kind).to.equal('navigate');
    expect(parsePageMessage(`${long}a`)).to.equal(null);
    expect(parsePageMessage(`close${' '.repeat(4100)}`)).to.equal(null);
  });
});

describe('parsePageMessage: structured results', () => {
  for (const status of ['pending', 'authorized', 'success', 'completed', 'error', 'denied']) {
    it(`reads status ${status}`, () => {
      expect(parsePageMessage({ type: 'ktpay:result', status, order_id: '1', transaction_hash: 'af7e' })).to.deep.equal({
        kind: 'result',
        status,
        orderId: '1',
        transactionHash: 'af7e',
      });
    });
  }

  it('reads the error of an error result', () => {
    expect(
      parsePageMessage({
        type: 'ktpay:result',
        status: 'error',
        order_id: '1',
        transaction_hash: 'af7e',
        error: { error_type: 'ERROR_PAYMENT', code: '51', error_message: 'Insufficient funds' },
      }),
    ).to.deep.equal({
      kind: 'result',
      status: 'error',
      orderId: '1',
      transactionHash: 'af7e',
      error: { errorType: 'ERROR_PAYMENT', code: '51', message: 'Insufficient funds' },
    });
  });

  it('reads numeric order ids and codes as text', () => {
    expect(parsePageMessage({ type: 'ktpay:result', status: 'denied', order_id: 17, error: { code: 5 } })).to.deep.equal({
      kind: 'result',
      status: 'denied',
      orderId: '17',
      error: { code: '5' },
    });
  });

  it('treats "error": null as no error', () => {
    expect(parsePageMessage({ type: 'ktpay:result', status: 'completed', error: null })).to.deep.equal({
      kind: 'result',
      status: 'completed',
    });
  });

  it('refuses a result whose order id it cannot read: it may name another order', () => {
    for (const order_id of [{ id: 1 }, ['1'], true, NaN, 'x'.repeat(1 << 20)]) {
      expect(parsePageMessage({ type: 'ktpay:result', status: 'completed', order_id }), String(order_id).slice(0, 20)).to.equal(null);
    }
  });

  it('drops other fields of the wrong type', () => {
    expect(
      parsePageMessage({
        type: 'ktpay:result',
        status: 'error',
        transaction_hash: 42,
        error: { error_type: 7, code: NaN, error_message: ['x'] },
      }),
    ).to.deep.equal({ kind: 'result', status: 'error', error: {} });
  });

  it('refuses an unknown status or type', () => {
    expect(parsePageMessage({ type: 'ktpay:result', status: 'paid' })).to.equal(null);
    expect(parsePageMessage({ type: 'ktpay:result' })).to.equal(null);
    expect(parsePageMessage({ type: 'other', status: 'completed' })).to.equal(null);
    expect(parsePageMessage({ status: 'completed' })).to.equal(null);
  });

  it('does not read inherited properties', () => {
    expect(parsePageMessage(Object.create({ type: 'ktpay:result', status: 'completed' }))).to.equal(null);
    const inheritedStatus = Object.assign(Object.create({ status: 'completed' }), { type: 'ktpay:result' });
    expect(parsePageMessage(inheritedStatus)).to.equal(null);
  });

  it('does not read through __proto__ keys', () => {
    expect(parsePageMessage(JSON.parse('{"__proto__": {"type":"ktpay:result"}, "status":"completed"}'))).to.equal(null);
    expect(
      parsePageMessage(JSON.parse('{"type":"ktpay:result", "__proto__": {"status":"completed"}}')),
    ).to.equal(null);
  });

  it('does not read inherited error fields', () => {
    const error = Object.create({ code: '51', error_type: 'ERROR_PAYMENT', error_message: 'x' });
    expect(parsePageMessage({ type: 'ktpay:result', status: 'error', error })).to.deep.equal({
      kind: 'result',
      status: 'error',
      error: {},
    });
  });

  for (const data of [42, 0, true, false, null, undefined, [], ['close'], [{ type: 'ktpay:result' }], () => 'close']) {
    it(`ignores ${Array.isArray(data) ? JSON.stringify(data) : String(data)}`, () => {
      expect(parsePageMessage(data)).to.equal(null);
    });
  }
});

describe('callback URLs', () => {
  it("marks own URLs with the outcome and nonce on the page's origin and path: no query, no fragment", () => {
    const own = ownCallbackUrls('https://shop.kz/cart?item=1&token=s3cr3t&session=abc#top', 'n1')!;
    expect(own.success.href).to.equal(`https://shop.kz/cart?${OWN_CALLBACK_PARAM}=success.n1`);
    expect(own.failed.href).to.equal(`https://shop.kz/cart?${OWN_CALLBACK_PARAM}=failed.n1`);
  });

  it('keeps only the query parameters the merchant names (return-params)', () => {
    const own = ownCallbackUrls('https://shop.kz/cart?item=1&token=s3cr3t&lang=kk&item=2', 'n1', ['item', 'lang'])!;
    expect(own.success.href).to.equal(`https://shop.kz/cart?item=1&lang=kk&item=2&${OWN_CALLBACK_PARAM}=success.n1`);
  });

  it('makes none on a page that is not http(s)', () => {
    expect(ownCallbackUrls('file:///home/shop/index.html', 'n1')).to.equal(undefined);
    expect(ownCallbackUrls('about:blank', 'n1')).to.equal(undefined);
  });

  describe('isCallbackUrl', () => {
    const expected = new URL('https://shop.kz/ok?order=1');
    it('matches the same origin, path and query params, extras allowed', () => {
      expect(isCallbackUrl(new URL('https://shop.kz/ok?order=1'), expected)).to.equal(true);
      expect(isCallbackUrl(new URL('https://shop.kz/ok?code=05&order=1#x'), expected)).to.equal(true);
    });

    it('refuses another origin', () => {
      expect(isCallbackUrl(new URL('https://evil.kz/ok?order=1'), expected)).to.equal(false);
      expect(isCallbackUrl(new URL('http://shop.kz/ok?order=1'), expected)).to.equal(false);
      expect(isCallbackUrl(new URL('https://shop.kz:8443/ok?order=1'), expected)).to.equal(false);
    });

    it('refuses another path', () => {
      expect(isCallbackUrl(new URL('https://shop.kz/ok/?order=1'), expected)).to.equal(false);
      expect(isCallbackUrl(new URL('https://shop.kz/fail?order=1'), expected)).to.equal(false);
    });

    it('refuses a missing or different expected param', () => {
      expect(isCallbackUrl(new URL('https://shop.kz/ok'), expected)).to.equal(false);
      expect(isCallbackUrl(new URL('https://shop.kz/ok?order=2'), expected)).to.equal(false);
    });

    it('matches nothing when no URL is expected', () => {
      expect(isCallbackUrl(new URL('https://shop.kz/ok'), undefined)).to.equal(false);
    });
  });

  it('reads the acquirer code from code, reason_code or reasonCode', () => {
    expect(acquirerCodeIn(new URL('https://shop.kz/f?code=05'))).to.equal('05');
    expect(acquirerCodeIn(new URL('https://shop.kz/f?reason_code=-19'))).to.equal('-19');
    expect(acquirerCodeIn(new URL('https://shop.kz/f?reasonCode=1A'))).to.equal('1A');
    expect(acquirerCodeIn(new URL('https://shop.kz/f?code=&reasonCode=51'))).to.equal('51');
    expect(acquirerCodeIn(new URL('https://shop.kz/f?other=51'))).to.equal(undefined);
  });
});

describe('outcomeOf', () => {
  const callbacks: CallbackUrls = {
    back: new URL('https://shop.kz/back'),
    success: new URL('https://shop.kz/pay/ok?order=1'),
    failed: new URL('https://shop.kz/pay/fail?order=1'),
    forceSuccess: new URL('https://shop.kz/force/ok'),
    forceFailed: new URL('https://shop.kz/force/fail'),
    forceBack: new URL('https://shop.kz/force/back'),
  };
  const context: OutcomeContext = { orderId: '1', callbacks };
  const own = ownCallbackUrls('https://shop.kz/cart', 'n1');
  const ownContext: OutcomeContext = { orderId: '1', callbacks: {}, own };

  it('"close" cancels', () => {
    expect(outcomeOf({ kind: 'close' }, context)).to.deep.equal({ kind: 'cancel' });
  });

  it('the success URL is success', () => {
    const outcome = outcomeOf(navigate('https://shop.kz/pay/ok?order=1&hash=x'), context);
    expect(outcome.kind).to.equal('success');
    expect(outcome.kind === 'success' && outcome.status).to.equal('success');
    expect(outcome.kind === 'success' && outcome.received?.href).to.equal('https://shop.kz/pay/ok?order=1&hash=x');
  });

  it('the force-success URL is success', () => {
    expect(outcomeOf(navigate('https://shop.kz/force/ok'), context)).to.include({ kind: 'success', status: 'success' });
  });

  for (const [param, code] of [
    ['code', '05'],
    ['reason_code', '51'],
    ['reasonCode', '1A'],
  ]) {
    it(`the failed URL with ${param} is an acquirer failure`, () => {
      const outcome = outcomeOf(navigate(`https://shop.kz/pay/fail?order=1&${param}=${code}`), context);
      expect(outcome.kind === 'failed' && outcome.failure).to.deep.equal({ source: 'acquirer', code });
    });
  }

  it('the force-failed URL is a failure', () => {
    const outcome = outcomeOf(navigate('https://shop.kz/force/fail?code=-19'), context);
    expect(outcome.kind === 'failed' && outcome.failure).to.deep.equal({ source: 'acquirer', code: '-19' });
  });

  it('the failed URL without a code is an api failure with code null', () => {
    const outcome = outcomeOf(navigate('https://shop.kz/pay/fail?order=1'), context);
    expect(outcome.kind === 'failed' && outcome.failure).to.deep.equal({ source: 'api', code: null });
  });

  it('the back URLs cancel', () => {
    expect(outcomeOf(navigate('https://shop.kz/back'), context).kind).to.equal('cancel');
    expect(outcomeOf(navigate('https://shop.kz/force/back'), context).kind).to.equal('cancel');
  });

  it('an unknown URL changes nothing', () => {
    expect(outcomeOf(navigate('https://evil.kz/pay/ok?order=1'), context)).to.deep.equal({ kind: 'none' });
    expect(outcomeOf(navigate('https://shop.kz/pay/ok?order=2'), context)).to.deep.equal({ kind: 'none' });
  });

  it('own marked URLs give success and failure', () => {
    expect(outcomeOf(navigate(`${own!.success.href}&hash=af`), ownContext).kind).to.equal('success');
    const failed = outcomeOf(navigate(`${own!.failed.href}&reason_code=51`), ownContext);
    expect(failed.kind === 'failed' && failed.failure).to.deep.equal({ source: 'acquirer', code: '51' });
  });

  it('own URLs of another attempt (nonce) change nothing', () => {
    expect(outcomeOf(navigate(`https://shop.kz/cart?${OWN_CALLBACK_PARAM}=success.n2`), ownContext).kind).to.equal('none');
    expect(outcomeOf(navigate('https://shop.kz/cart'), ownContext).kind).to.equal('none');
  });

  // Regression: a merchant whose success URL is the checkout page itself (no query) and who leaves
  // callback-failed-url out gets the element's own failed URL on that same path, which also
  // matches the success URL (same origin+path, no expected params). The more specific match
  // (the failed one) must win, or a decline is reported as success.
  it('own failed URL on the same page as the merchant success URL is a failure', () => {
    const ownHere = ownCallbackUrls('https://shop.kz/checkout', 'n1')!;
    const outcome = outcomeOf(navigate(`${ownHere.failed.href}&code=51`), {
      orderId: '1',
      callbacks: { success: new URL('https://shop.kz/checkout') },
      own: ownHere,
    });
    expect(outcome.kind).to.equal('failed');
  });

  // Regression, same root cause with merchant URLs only: success https://shop.kz/result and failed
  // https://shop.kz/result?status=failed; the failed URL also matches the success URL first.
  it('a failed URL that extends the success URL is a failure', () => {
    const outcome = outcomeOf(navigate('https://shop.kz/result?status=failed&code=05'), {
      orderId: '1',
      callbacks: { success: new URL('https://shop.kz/result'), failed: new URL('https://shop.kz/result?status=failed') },
    });
    expect(outcome.kind === 'failed' && outcome.failure).to.deep.equal({ source: 'acquirer', code: '05' });
  });

  describe('structured results', () => {
    for (const status of ['authorized', 'success', 'completed'] as const) {
      it(`${status} is success with the hash`, () => {
        expect(outcomeOf({ kind: 'result', status, orderId: '1', transactionHash: 'af7e' }, context)).to.deep.equal({
          kind: 'success',
          status,
          transactionHash: 'af7e',
        });
      });
    }

    it('pending changes nothing', () => {
      expect(outcomeOf({ kind: 'result', status: 'pending', orderId: '1' }, context)).to.deep.equal({ kind: 'none' });
    });

    it('a result for another order id changes nothing', () => {
      expect(outcomeOf({ kind: 'result', status: 'completed', orderId: '2' }, context)).to.deep.equal({ kind: 'none' });
      expect(
        outcomeOf({ kind: 'result', status: 'error', orderId: '2', error: { code: '51' } }, context),
      ).to.deep.equal({ kind: 'none' });
    });

    it('a result without an order id is taken', () => {
      expect(outcomeOf({ kind: 'result', status: 'completed' }, context)).to.deep.equal({
        kind: 'success',
        status: 'completed',
      });
    });

    it('error with a code is an acquirer failure', () => {
      expect(
        outcomeOf(
          {
            kind: 'result',
            status: 'error',
            orderId: '1',
            transactionHash: 'af7e',
            error: { errorType: 'ERROR_PAYMENT', code: '51', message: 'Insufficient funds' },
          },
          context,
        ),
      ).to.deep.equal({
        kind: 'failed',
        failure: { source: 'acquirer', code: '51', errorType: 'ERROR_PAYMENT' },
        transactionHash: 'af7e',
      });
    });

    it('denied with a code is an acquirer failure', () => {
      const outcome = outcomeOf({ kind: 'result', status: 'denied', orderId: '1', error: { code: '05' } }, context);
      expect(outcome).to.deep.equal({ kind: 'failed', failure: { source: 'acquirer', code: '05' } });
    });

    it('error without a code is an api failure with code null', () => {
      expect(
        outcomeOf(
          { kind: 'result', status: 'error', orderId: '1', error: { errorType: 'ERROR_SYSTEM', message: 'Down' } },
          context,
        ),
      ).to.deep.equal({
        kind: 'failed',
        failure: { source: 'api', code: null, errorType: 'ERROR_SYSTEM', serverMessage: 'Down' },
      });
    });

    it('denied without an error object is an api failure with code null', () => {
      expect(outcomeOf({ kind: 'result', status: 'denied', orderId: '1' }, context)).to.deep.equal({
        kind: 'failed',
        failure: { source: 'api', code: null },
      });
    });

    it('works end to end from the raw message', () => {
      const message = parsePageMessage({
        type: 'ktpay:result',
        status: 'error',
        order_id: 1,
        error: { error_type: 'ERROR_INPUT', code: 14 },
      })!;
      expect(outcomeOf(message, context)).to.deep.equal({
        kind: 'failed',
        failure: { source: 'acquirer', code: '14', errorType: 'ERROR_INPUT' },
      });
    });
  });
});

// A merchant may give one result page for several outcomes (success = failed, or success = back).
// Then the element marks each URL it sends KTPay with its outcome, so the page's report can be
// told apart; and a report that still fits several outcomes is never a success.
describe('coinciding callback URLs', () => {
  const RESULT = 'https://shop.kz/result?order=1';
  const KIND = { success: 'success', failed: 'failed', back: 'back', forceSuccess: 'success', forceFailed: 'failed', forceBack: 'back' } as const;
  const EXPECTED = { success: 'success', failed: 'failed', back: 'cancel' } as const;
  const PAIRS: [keyof typeof KIND, keyof typeof KIND][] = [
    ['success', 'failed'],
    ['success', 'back'],
    ['failed', 'back'],
    ['forceSuccess', 'forceFailed'],
    ['forceSuccess', 'forceBack'],
    ['forceFailed', 'forceBack'],
    ['success', 'forceFailed'],
    ['forceSuccess', 'back'],
  ];

  for (const [a, b] of PAIRS) {
    it(`${a} = ${b}: sent marked apart, each read as its own outcome, the bare URL as none`, () => {
      const callbacks: CallbackUrls = { [a]: new URL(RESULT), [b]: new URL(RESULT) };
      const sent = callbacksToSend(callbacks, undefined, 'n1');
      expect(sent[a]!.href).to.equal(`${RESULT}&${OWN_CALLBACK_PARAM}=${KIND[a]}.n1`);
      expect(sent[b]!.href).to.equal(`${RESULT}&${OWN_CALLBACK_PARAM}=${KIND[b]}.n1`);
      const context: OutcomeContext = { orderId: '1', callbacks: sent };
      expect(outcomeOf(navigate(`${sent[a]!.href}&hash=x`), context).kind, a).to.equal(EXPECTED[KIND[a]]);
      expect(outcomeOf(navigate(`${sent[b]!.href}&hash=x`), context).kind, b).to.equal(EXPECTED[KIND[b]]);
      // Without the mark (a page that dropped it) it fits no URL the element sent: nothing happens.
      expect(outcomeOf(navigate(RESULT), context).kind).to.equal('none');
      // Read against the URLs as configured, the same report is never a success.
      expect(['unknown', 'failed', 'cancel']).to.include(outcomeOf(navigate(RESULT), { orderId: '1', callbacks }).kind);
    });
  }

  it('URLs that do not coincide are sent as they are', () => {
    const callbacks: CallbackUrls = { success: new URL('https://shop.kz/ok'), failed: new URL('https://shop.kz/ok?status=failed'), back: new URL('https://shop.kz/') };
    const sent = callbacksToSend(callbacks, undefined, 'n1');
    expect([sent.success!.href, sent.failed!.href, sent.back!.href]).to.deep.equal(['https://shop.kz/ok', 'https://shop.kz/ok?status=failed', 'https://shop.kz/']);
  });

  describe('a report that fits several outcomes equally', () => {
    const tie = (callbacks: CallbackUrls, href: string) => outcomeOf(navigate(href), { orderId: '1', callbacks });
    const success = new URL(RESULT);
    const failed = new URL(RESULT);
    const back = new URL(RESULT);

    it('success = failed: unknown, or a failure where the page appended an acquirer code', () => {
      expect(tie({ success, failed }, RESULT).kind).to.equal('unknown');
      const coded = tie({ success, failed }, `${RESULT}&code=05`);
      expect(coded.kind === 'failed' && coded.failure).to.deep.equal({ source: 'acquirer', code: '05' });
    });

    it('success = back: unknown, never a success', () => {
      expect(tie({ success, back }, RESULT).kind).to.equal('unknown');
      expect(tie({ forceSuccess: success, forceBack: back }, RESULT).kind).to.equal('unknown');
    });

    it('failed = back: unknown without a code, a failure with one', () => {
      expect(tie({ failed, back }, RESULT).kind).to.equal('unknown');
      expect(tie({ failed, back }, `${RESULT}&reason_code=51`).kind).to.equal('failed');
    });

    it('two URLs equally specific (success ?a=1, failed ?b=1, page sends both): unknown', () => {
      const outcome = tie({ success: new URL('https://shop.kz/r?a=1'), failed: new URL('https://shop.kz/r?b=1') }, 'https://shop.kz/r?a=1&b=1');
      expect(outcome).to.deep.equal({ kind: 'unknown', received: new URL('https://shop.kz/r?a=1&b=1') });
    });
  });
});
