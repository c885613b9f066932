// KTPay's transaction hash becomes a path segment of KTPay's API (`{hash}/acquirer-options`,
// `{hash}/pdf`) and a query parameter of the payment page. A hash that is not of its one shape
// (letters, digits, `_`, `-`; 1 to 128) is refused before any URL is built from it: in KTPay's
// created answer it is a bad answer; in a page's message it is not taken.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { isTransactionHash } from '../src/ktpay/transaction-hash.js';
import { SANDBOX_API_URL } from '../src/sandbox/index.js';
import { modalMessages } from '../src/i18n/load-messages.js';
import { frameOf, mountCheckout, nextEvent, payingElement, postFromFrame, recordEvents, sandboxReceiptUrl, shadow, useNetwork, warmedUp } from './helpers.js';

/** Hashes that would climb, cut or change the URLs built from them, or are not text at all. */
const BAD_HASHES: unknown[] = [
  '.',
  '..',
  '',
  'a/b',
  '../pdf',
  '..%2Fpdf',
  '%2e%2e',
  'a\\b',
  'a?b',
  'a#b',
  'a&b=c',
  'a b',
  ' af7e',
  'af7e\n',
  'a\u0000b',
  'a\u007fb',
  'хэш',
  'x'.repeat(129),
  42,
  true,
  {},
  ['af7e'],
];
const show = (value: unknown) => JSON.stringify(value)?.slice(0, 40) ?? String(value);

describe('the transaction hash: one shape', () => {
  it('is letters, digits, "_" and "-", 1 to 128 of them', () => {
    for (const good of ['af7ed500aa9f2132fae4b63e936af641bcc4ebaf', 'h1', '0', 'A-b_C', '123e4567-e89b-12d3-a456-426614174000', 'x'.repeat(128)]) {
      expect(isTransactionHash(good), show(good)).to.equal(true);
    }
    for (const bad of [...BAD_HASHES, undefined, null]) expect(isTransactionHash(bad), show(bad)).to.equal(false);
  });
});

describe("a bad transaction hash in KTPay's created answer", () => {
  /** Every request the page makes to KTPay's API, the create POST included. */
  let requested: string[];
  const answering = (data: Record<string, unknown>) => [
    http.all(`*${SANDBOX_API_URL}*`, ({ request }) => void requested.push(`${request.method} ${new URL(request.url).pathname}`)),
    http.post(`*${SANDBOX_API_URL}`, () => HttpResponse.json({ error: [], response: { success: true, data } })),
  ];
  beforeEach(() => (requested = []));

  for (const pageGiven of [false, true]) {
    it(`is a bad answer${pageGiven ? ', even beside a page URL on the widget origin' : ''}: nothing opened, nothing asked of it`, async () => {
      const badAnswer = (await modalMessages.load('ru')).ui.network.badAnswer.message;
      for (const hash of BAD_HASHES) {
        const page = new URL('/sandbox/payment-card?hash=af7e', location.href).href;
        await useNetwork({}, ...answering({ transaction_hash: hash, ...(pageGiven ? { payment_page: page } : {}) }));
        requested = [];
        // A framed page that never shows would otherwise ask KTPay for `{hash}/acquirer-options` after
        // the `timeout`. Warmed up: a short `timeout` does not cover the first Pay's loading of the
        // modal's code and libsodium; 3 s covers the create request itself on a loaded machine.
        const element = await warmedUp(await mountCheckout({ 'widget-url': '/test/framing-refused', timeout: '3' }));
        const log = recordEvents(element);
        const ended = Promise.race([nextEvent(element, 'ktpay:failed'), nextEvent(element, 'ktpay:created')]);
        void element.open();
        const { type, detail } = await ended;
        element.close();
        expect(type, show(hash)).to.equal('ktpay:failed');
        expect(detail, show(hash)).to.deep.include({ source: 'network', code: null, message: badAnswer });
        expect(log.map((e) => e.type), show(hash)).to.deep.equal(['ktpay:open', 'ktpay:failed', 'ktpay:close']);
        expect(frameOf(element), show(hash)).to.equal(null);
        expect(requested, show(hash)).to.deep.equal([`POST ${SANDBOX_API_URL}`]);
        element.remove();
      }
    });
  }
});

describe("a bad transaction hash in the page's result", () => {
  beforeEach(() => useNetwork());

  it('is not taken: the receipt is the created transaction’s, never a URL built from the message', async () => {
    const { element, result, orderId, transactionHash } = await payingElement();
    postFromFrame(element, { type: 'ktpay:result', status: 'completed', order_id: orderId, transaction_hash: '..' });
    expect(await result).to.deep.equal({
      outcome: 'success',
      orderId,
      status: 'completed',
      transactionHash,
      receiptUrl: sandboxReceiptUrl(transactionHash),
    });
    await element.updateComplete;
    expect(shadow(element).querySelector('.hash')!.textContent).to.equal(transactionHash);
  });

  for (const hash of ['.', '../../evil', 'a/b', 'a?b#c', '%2e%2e', 'a\\b', '']) {
    it(`${show(hash)}: the receipt link stays on the created transaction`, async () => {
      const { element, result, orderId, transactionHash } = await payingElement();
      postFromFrame(element, { type: 'ktpay:result', status: 'completed', order_id: orderId, transaction_hash: hash });
      const outcome = (await result) as { transactionHash?: string; receiptUrl?: string };
      expect(outcome.transactionHash).to.equal(transactionHash);
      expect(outcome.receiptUrl).to.equal(sandboxReceiptUrl(transactionHash));
      await element.updateComplete;
      expect(shadow(element).querySelector<HTMLAnchorElement>('a[part~="receipt-link"]')?.href).to.equal(sandboxReceiptUrl(transactionHash));
    });
  }
});
