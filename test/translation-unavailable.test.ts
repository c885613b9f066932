import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { mountCheckout, nextEvent, useNetwork, waitUntil } from './helpers.js';

// Its own page: a module that failed to load stays failed for the page's life.

describe('when a translation cannot load', () => {
  it('keeps speaking Russian, shows the label, and still reports failures', async () => {
    await useNetwork({}, http.get(/\/i18n\/generated\/(button\/)?kk\./, () => new HttpResponse(null, { status: 404 })));
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const element = await mountCheckout({ lang: 'kk', amount: '0' });
      await waitUntil(() => warnings.length > 0, 'no warning about the missing translation');
      expect(String(warnings[0])).to.contain('"kk"');
      await element.updateComplete;
      const label = element.shadowRoot!.querySelector('.label')!;
      expect(label.textContent).to.equal('Оплатить');
      expect(getComputedStyle(label).visibility).to.equal('visible');
      const failed = nextEvent(element, 'ktpay:failed');
      void element.open();
      const { detail } = await failed;
      expect(detail.source).to.equal('validation');
      expect(detail.message).to.match(/^Платёж не может быть создан/);
    } finally {
      console.warn = warn;
    }
  });
});
