// A merchant page that enforces Trusted Types (require-trusted-types-for 'script') with only Lit's
// policy allowed, as the README's CSP table says: the element draws, pays and shows the outcome
// without a single violation. In an engine without Trusted Types the directive is ignored: the
// payment is still checked, and the test says which.
import { expect } from '@open-wc/testing';
import { checkoutIn, freshOrderId, loadInto, nextEvent, payOnSandbox, useNetwork } from './helpers.js';

describe('a page that enforces Trusted Types', () => {
  beforeEach(() => useNetwork());
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('pays with no violation: Lit’s policy is all the element needs', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 700px';
    await loadInto(frame, '/test/fixtures/trusted-types-page.html');
    const page = frame.contentWindow as Window & typeof globalThis & { violations: string[] };
    const element = await checkoutIn(frame, { 'order-id': freshOrderId(), amount: '990' });
    const success = nextEvent(element, 'ktpay:success');
    void element.open();
    await payOnSandbox(element);
    expect((await success).detail.status).to.equal('completed');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.result.success')).to.not.equal(null);
    expect(page.violations).to.deep.equal([]);

    // Control: the page really enforces it, where the engine has Trusted Types.
    if ('trustedTypes' in page) {
      let refused = '';
      try {
        page.document.body.innerHTML = '<b>x</b>';
      } catch (error) {
        refused = (error as Error).name; // an error of the frame's realm: compared by name
      }
      expect(refused, 'a plain string assigned to innerHTML').to.equal('TypeError');
      // …and the listener hears violations (reported in a task of their own): so [] above meant none.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(page.violations.length).to.be.greaterThan(0);
    } else {
      console.info(`${navigator.userAgent}: no Trusted Types here; the directive is ignored`);
    }
  });
});
