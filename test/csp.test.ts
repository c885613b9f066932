import { expect } from '@open-wc/testing';
import { mountCheckout, sent, useNetwork } from './helpers.js';

// Its own file: a page's CSP cannot be lifted once set.
describe("a page CSP without 'wasm-unsafe-eval'", () => {
  before(async () => {
    await useNetwork();
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self' 'unsafe-inline'";
    document.head.append(meta);
  });

  it('fails fast with a message that names the directive, and sends nothing', async () => {
    const element = await mountCheckout();
    const started = performance.now();
    const result = await element.open();
    const elapsed = performance.now() - started;
    expect(result.outcome).to.equal('failed');
    if (result.outcome !== 'failed') return;
    expect(result.source).to.equal('crypto');
    expect(result.hint).to.contain("'wasm-unsafe-eval'");
    expect(result.hint).to.contain('script-src');
    expect(elapsed).to.be.below(3000); // a bound against hanging, not a speed claim
    expect(sent).to.have.length(0);
    await element.updateComplete;
    // A CSP does not go away on its own: no Try again.
    expect(element.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
  });
});
