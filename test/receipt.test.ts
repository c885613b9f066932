// KTPay's PDF receipt (its mobile API note: GET {payment endpoint}/{hash}/pdf): the success view
// offers it where the transaction is known, in the buyer's language, and ktpay:success says where
// it is. The sandbox serves a real PDF there.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { modalMessages } from '../src/i18n/load-messages.js';
import type { Lang } from '../src/i18n/messages.js';
import { SANDBOX_API_URL } from '../src/sandbox/index.js';
import { mountCheckout, nextEvent, payOnSandbox, sandboxReceiptUrl, shadow, useNetwork, waitUntil } from './helpers.js';

const receiptLink = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="receipt-link"]');

async function paid(attributes: Record<string, string> = {}) {
  const element = await mountCheckout(attributes);
  const success = nextEvent(element, 'ktpay:success');
  const result = element.open();
  await payOnSandbox(element);
  const { detail } = await success;
  await element.updateComplete;
  return { element, detail, result: await result };
}

describe('the receipt', () => {
  beforeEach(() => useNetwork());

  it('ktpay:success and open() give its address: the payment endpoint, the hash, /pdf', async () => {
    const { detail, result } = await paid();
    const expected = sandboxReceiptUrl(detail.transactionHash!);
    expect(detail.transactionHash).to.match(/^[0-9a-f]{40}$/);
    expect(detail.receiptUrl).to.equal(expected);
    expect(result).to.include({ outcome: 'success', receiptUrl: expected });
  });

  it('the success view links to it, in a new tab', async () => {
    const { element, detail } = await paid();
    const link = receiptLink(element)!;
    expect(link, 'no receipt link').to.exist;
    expect(link.href).to.equal(detail.receiptUrl);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    expect(link.textContent!.trim()).to.equal((await modalMessages.load('ru')).ui.receipt);
    expect(shadow(element).querySelector('.result.success')!.contains(link)).to.equal(true);
  });

  for (const lang of ['kk', 'en'] as Lang[]) {
    it(`is named in the buyer's language: ${lang}`, async () => {
      const { element } = await paid({ lang });
      const words = await modalMessages.load(lang);
      expect(receiptLink(element)!.textContent!.trim()).to.equal(words.ui.receipt);
      expect(words.ui.receipt).not.to.equal((await modalMessages.load('ru')).ui.receipt);
    });
  }

  it('the sandbox serves a real PDF of the paid transaction there', async () => {
    const { element, detail } = await paid();
    const response = await fetch(detail.receiptUrl!);
    expect(response.status).to.equal(200);
    expect(response.headers.get('Content-Type')).to.equal('application/pdf');
    const text = new TextDecoder().decode(await response.arrayBuffer());
    expect(text.startsWith('%PDF-1.4\n')).to.equal(true);
    expect(text.trimEnd().endsWith('%%EOF')).to.equal(true);
    expect(text).to.contain(`Transaction: ${detail.transactionHash}`);
    expect(text).to.contain(`Order: ${element.orderId}`);
    expect(text).to.contain('Amount: 1500.00 KZT');
    // The cross-reference table points at each object: what a PDF reader reads first.
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).to.equal('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).to.have.length(5);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + 8)).to.equal(`${i + 1} 0 obj\n`));
  });

  it('no transaction hash (an answer that gives only a page URL): no receipt offered', async () => {
    await useNetwork(
      {},
      http.post(`*${SANDBOX_API_URL}`, () => HttpResponse.json({ success: true, payload: { url: new URL('/sandbox/payment-card?hash=none', location.href).href } })),
    );
    const element = await mountCheckout();
    const success = nextEvent(element, 'ktpay:success');
    void element.open();
    await waitUntil(() => element.shadowRoot!.querySelector('iframe'), 'no payment page');
    // The page reports a result without a hash, as a page may.
    const frame = element.shadowRoot!.querySelector('iframe')!.contentWindow as Window & typeof globalThis;
    await waitUntil(() => frame.document.readyState === 'complete');
    new frame.Function('m', 'parent.postMessage(m, "*")')({ type: 'ktpay:result', status: 'completed' });
    const { detail } = await success;
    await element.updateComplete;
    expect(detail).not.to.have.property('receiptUrl');
    expect(detail).not.to.have.property('transactionHash');
    expect(receiptLink(element)).to.equal(null);
  });
});
