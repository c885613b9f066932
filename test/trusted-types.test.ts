// A merchant page that enforces Trusted Types (require-trusted-types-for 'script') with Lit's
// policy and the element's own allowed, as the README's CSP table says: the element draws, pays
// and shows the outcome without a single violation, sealing in its worker. A page that allows
// Lit's alone still pays, sealing on its main thread, and is told once why. In an engine without
// Trusted Types the directive is ignored: the payment is still checked, and the test says which.
import { expect } from '@open-wc/testing';
import { checkoutIn, freshOrderId, loadInto, nextEvent, payOnSandbox, sealedOnMainThread, useNetwork, watchSealingWorkers } from './helpers.js';

type TrustedTypesPage = Window & typeof globalThis & { violations: string[] };

async function payOn(url: string) {
  const workers = await watchSealingWorkers();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px';
  await loadInto(frame, url);
  const page = frame.contentWindow as TrustedTypesPage;
  const element = await checkoutIn(frame, { 'order-id': freshOrderId(), amount: '990' });
  const success = nextEvent(element, 'ktpay:success');
  void element.open();
  await payOnSandbox(element);
  expect((await success).detail.status).to.equal('completed');
  await element.updateComplete;
  expect(element.shadowRoot!.querySelector('.result.success')).to.not.equal(null);
  return { page, frame, workers };
}

describe('a page that enforces Trusted Types', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('pays with no violation: Lit’s policy and the element’s are all it needs', async () => {
    const { page, frame, workers } = await payOn('/test/fixtures/trusted-types-page.html');
    expect(page.violations).to.deep.equal([]);
    expect(workers, 'the sealing worker started').to.have.length(1);
    expect(sealedOnMainThread(frame), 'libsodium loaded on the main thread').to.equal(false);

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

  it('without the element’s policy: still pays, sealing on the main thread, and the report names the policy', async () => {
    const { page, frame, workers } = await payOn('/test/fixtures/trusted-types-page.html?policies=lit-html');
    if (!('trustedTypes' in page)) {
      expect(workers, 'no Trusted Types: the worker starts').to.have.length(1);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // violations are reported in a task of their own
    expect(page.violations).to.have.length(1);
    expect(page.violations[0]).to.contain('trusted-types').and.to.contain('ktpay-checkout');
    expect(workers, 'no worker was asked for').to.deep.equal([]);
    expect(sealedOnMainThread(frame)).to.equal(true);
  });
});
