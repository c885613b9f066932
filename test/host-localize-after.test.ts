import { expect } from '@open-wc/testing';
import { configureHostPage, hostPageSuite, type HostLocalization } from './host-localize.js';
import { mountCheckout, payButton, useNetwork } from './helpers.js';

// The element loads and renders first; the page configures @lit/localize afterwards, which
// throws if anything (the element included) configured it before.
let host: HostLocalization;

describe('a page that configures @lit/localize after the element rendered', () => {
  before(async () => {
    await useNetwork();
    const element = await mountCheckout({ lang: 'kk' });
    expect(payButton(element).textContent!.trim()).to.equal('Төлеу');
    host = configureHostPage();
  });

  hostPageSuite(() => host);
});
