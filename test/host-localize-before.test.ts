import { expect } from '@open-wc/testing';
import { configureHostPage, hostPageSuite } from './host-localize.js';

// The page configures @lit/localize before the element's module is even loaded.
const elementWasLoaded = customElements.get('ktpay-checkout') !== undefined;
const host = configureHostPage();
await host.setLocale('es');
await import('./helpers.js'); // loads and registers the element

describe('a page that configured @lit/localize before the element loaded', () => {
  it('really configured first', () => {
    expect(elementWasLoaded).to.equal(false);
    expect(customElements.get('ktpay-checkout')).to.exist;
  });

  hostPageSuite(() => host);
});
