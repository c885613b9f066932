import { expect } from '@open-wc/testing';
import { amountAttribute, DELIVERY, formatTenge, FREE_DELIVERY_FROM, initialCart, MAX_QTY, newOrderId, removeLine, setQty, totals } from '../demo/cart.js';
import { http, HttpResponse } from 'msw';
import { askServer } from '../demo/ask-server.js';
import { ORDERS_PATH } from '../demo/shop-routes.js';
import { useNetwork } from './helpers.js';
import { statusName, TEXTS } from '../demo/texts.js';
import { allMessages } from '../src/i18n/all-messages.js';

/** Intl separates groups and the sign with no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('demo shop: the cart', () => {
  it('starts at 13 500,50 ₸: three books and delivery', () => {
    expect(totals(initialCart())).to.deep.equal({ books: 3, subtotal: 12_400_00, delivery: DELIVERY, total: 13_500_50 });
  });

  it('writes tenge for each page language, and the amount as KTPay takes it', () => {
    expect(plain(formatTenge(13_500_50, 'ru'))).to.equal('13 500,50 ₸');
    expect(plain(formatTenge(13_500_50, 'kk'))).to.equal('13 500,50 ₸');
    expect(plain(formatTenge(13_500_50, 'en'))).to.equal('₸13,500.50');
    expect(plain(formatTenge(4_500_00, 'ru'))).to.equal('4 500 ₸');
    expect(amountAttribute(13_500_50)).to.equal('13500.50');
    expect(amountAttribute(4_500_00)).to.equal('4500.00');
    expect(amountAttribute(5)).to.equal('0.05');
  });

  it('keeps quantities within 1…MAX_QTY and sums them exactly', () => {
    const cart = initialCart();
    expect(setQty(cart, 'kara-soz', 0).find((l) => l.id === 'kara-soz')!.qty).to.equal(1);
    expect(setQty(cart, 'kara-soz', 99).find((l) => l.id === 'kara-soz')!.qty).to.equal(MAX_QTY);
    expect(cart[0]!.qty, 'the cart given is left as it was').to.equal(1);
    const three = setQty(cart, 'abai-joly', 3);
    expect(totals(three).subtotal).to.equal(3_200_00 + 3 * 5_600_00 + 3_600_00);
  });

  it('delivers free from FREE_DELIVERY_FROM, and an empty cart costs nothing', () => {
    const big = setQty(initialCart(), 'abai-joly', 5);
    expect(totals(big).subtotal).to.be.at.least(FREE_DELIVERY_FROM);
    expect(totals(big).delivery).to.equal(0);
    const empty = initialCart().reduce((cart, line) => removeLine(cart, line.id), initialCart());
    expect(totals(empty)).to.deep.equal({ books: 0, subtotal: 0, delivery: 0, total: 0 });
  });

  it('gives each attempt its own order number', () => {
    expect(newOrderId(1_700_000_000_000)).to.match(/^T-[0-9A-Z]+$/);
    expect(newOrderId(1_700_000_000_000)).not.to.equal(newOrderId(1_700_000_000_001));
  });

  it('counts books in each language', () => {
    expect([1, 3, 5].map(TEXTS.ru.books)).to.deep.equal(['1 книга', '3 книги', '5 книг']);
    expect([1, 3].map(TEXTS.kk.books)).to.deep.equal(['1 кітап', '3 кітап']);
    expect([1, 3].map(TEXTS.en.books)).to.deep.equal(['1 book', '3 books']);
    expect(plain(TEXTS.ru.pay(formatTenge(13_500_50, 'ru')))).to.equal('Оплатить 13 500,50 ₸');
  });
});

// After a close that left the outcome unknown, the shop asks its own server (KTPay's callback)
// before it offers to pay again.
describe('demo shop: asking the server after an unknown outcome', () => {
  const answers = (...bodies: (object | null)[]) => {
    let call = 0;
    return http.get(`*${ORDERS_PATH}:id`, () => {
      const body = bodies[Math.min(call++, bodies.length - 1)];
      return body ? HttpResponse.json(body) : HttpResponse.json({ error: 'no callback for this order yet' }, { status: 404 });
    });
  };

  it('paid, once the callback has come', async () => {
    await useNetwork({}, answers(null, null, { outcome: 'paid', status: 'completed' }));
    expect(await askServer('D-1', { every: 10 })).to.deep.equal({ outcome: 'paid', status: 'completed' });
  });

  it('not paid, when the server says the payment failed', async () => {
    await useNetwork({}, answers({ outcome: 'failed', status: 'error' }));
    expect(await askServer('D-2', { every: 10 })).to.deep.equal({ outcome: 'failed', status: 'error' });
  });

  it('unknown, when no callback comes in time', async () => {
    await useNetwork({}, answers(null));
    const started = performance.now();
    expect(await askServer('D-3', { within: 300, every: 50 })).to.deep.equal({ outcome: 'unknown' });
    expect(performance.now() - started).to.be.below(2000);
  });
});

describe('the demo speaks one language at a time', () => {
  const SOURCES = ['validation', 'network', 'crypto', 'api', 'acquirer', 'auth'] as const;
  for (const lang of ['ru', 'kk', 'en'] as const) {
    it(`names statuses and failure sources in ${lang}, never as raw tokens`, () => {
      const t = TEXTS[lang];
      for (const status of ['authorized', 'success', 'completed'] as const) {
        const said = t.status(statusName(status, lang));
        expect(said, status).to.contain(allMessages(lang).ui.statuses[status]);
        expect(said, status).not.to.contain(status);
        if (lang !== 'en') expect(said, status).not.to.match(/[a-z]/i);
      }
      for (const source of SOURCES) {
        const said = t.failedWhere(t.sources[source], '05');
        expect(said, source).not.to.contain(source);
        if (lang !== 'en') expect(said, source).not.to.match(/[a-z]/i);
      }
    });
  }
});
