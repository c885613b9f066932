import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { mountCheckout, nextEvent, payButton, sent, useNetwork, waitUntil } from './helpers.js';

// Its own page: a module that failed to load stays failed for the page's life.

describe("when the modal's code cannot load", () => {
  it('Pay ends in ktpay:failed in the buyer\'s language, nothing is sent, and the button is usable again', async () => {
    let asked = 0;
    // The module's request is held until the test has seen the button busy, then fails: no race
    // between the test's look and the failure, however slow the machine.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await useNetwork({}, http.get(/\/element\/modal\/checkout-modal\./, async () => (asked++, await held, HttpResponse.error())));
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const element = await mountCheckout({ lang: 'en', 'order-id': 'U-1' });
      const failed = nextEvent(element, 'ktpay:failed');
      const result = element.open();
      // Pressed, waiting for the code: the button says it is busy.
      await waitUntil(() => payButton(element).getAttribute('aria-busy') === 'true', 'the button never said it was busy');
      release();
      const { detail } = await failed;
      expect(detail).to.deep.equal({
        orderId: 'U-1',
        source: 'network',
        code: null,
        message: 'The payment form did not load. Check your internet connection and try again.',
      });
      expect(await result).to.deep.equal({ outcome: 'failed', ...detail });
      expect(sent).to.have.length(0);
      expect(asked).to.be.greaterThan(0);
      expect(String(warnings[0])).to.contain('did not load');
      await element.updateComplete;
      expect(payButton(element).hasAttribute('aria-busy')).to.equal(false);
      expect(element.shadowRoot!.querySelector('dialog')).to.equal(null);

      // Pay again asks again (and, the module still failing, says so again).
      const again = nextEvent(element, 'ktpay:failed');
      void element.open();
      expect((await again).detail.source).to.equal('network');
    } finally {
      console.warn = warn;
    }
  });
});
