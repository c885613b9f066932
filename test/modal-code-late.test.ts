import { expect } from '@open-wc/testing';
import { delay, http, passthrough } from 'msw';
import { dialogOf, mountCheckout, payButton, recordEvents, sent, useNetwork } from './helpers.js';

// Its own page: the modal's code must not have loaded before the test.

describe("Pay, then close before the modal's code arrives", () => {
  it('starts nothing: no request, no modal, no event, and open() resolves as cancelled', async () => {
    await useNetwork({}, http.get(/\/element\/modal\/checkout-modal\./, async () => (await delay(300), passthrough())));
    const element = await mountCheckout();
    const log = recordEvents(element);
    const result = element.open();
    element.close();
    expect(await result).to.deep.equal({ outcome: 'cancelled' });
    await delay(300);
    await element.updateComplete;
    expect(sent).to.have.length(0);
    expect(dialogOf(element)).to.equal(null);
    expect(log).to.deep.equal([]);
    expect(payButton(element).hasAttribute('aria-busy')).to.equal(false);

    // The code is here now: the next Pay opens at once.
    const next = element.open();
    await element.updateComplete;
    expect(dialogOf(element)?.open).to.equal(true);
    element.close();
    expect(await next).to.deep.equal({ outcome: 'cancelled' });
  });
});
