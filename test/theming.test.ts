// What a designer sets reaches what the buyer sees: custom properties and parts from the page,
// light and dark (following the system, or fixed by `theme`), the modal filling a phone's screen.
import { expect, fixture, html } from '@open-wc/testing';
import { checkoutIn, dialogOf, loadInto, mountCheckout, payButton, shadow, useNetwork } from './helpers.js';
import { DARK_BACKGROUND, LIGHT_BACKGROUND, openModal } from './theming.js';

// The buyer's system prefers light here; test/system/ has the dark system.

describe('theming', () => {
  before(() => useNetwork());
  afterEach(() => document.querySelectorAll('ktpay-checkout').forEach((element) => element.close()));

  it('takes custom properties and part styles from the page', async () => {
    const style = await fixture(html`<style>
      ktpay-checkout.shop { --ktpay-accent: rgb(18, 55, 42); --ktpay-radius: 3px; --ktpay-modal-width: 420px; --ktpay-backdrop: rgba(0, 0, 0, 0.8); }
      ktpay-checkout.shop::part(button) { width: 300px; }
      ktpay-checkout.shop::part(header) { background-color: rgb(1, 2, 3); }
    </style>`);
    const element = await openModal({ class: 'shop' });
    const button = getComputedStyle(payButton(element));
    expect(button.backgroundColor).to.equal('rgb(18, 55, 42)');
    expect(button.borderTopLeftRadius).to.equal('3px');
    expect(button.width).to.equal('300px');
    const dialog = dialogOf(element)!;
    expect(dialog.getBoundingClientRect().width).to.equal(420);
    expect(getComputedStyle(shadow(element).querySelector('[part="header"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(dialog, '::backdrop').backgroundColor).to.equal('rgba(0, 0, 0, 0.8)');
    style.remove();
  });

  it('follows the system: light where the buyer prefers light', async () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(false);
    const element = await openModal();
    expect(getComputedStyle(dialogOf(element)!).backgroundColor).to.equal(LIGHT_BACKGROUND);
    expect(getComputedStyle(dialogOf(element)!).colorScheme).to.equal('light');
  });

  it('theme="dark" overrides a light system', async () => {
    const dark = await openModal({ theme: 'dark' });
    expect(getComputedStyle(dialogOf(dark)!).backgroundColor).to.equal(DARK_BACKGROUND);
  });

  it('the theme property reflects, so a framework setting it also themes', async () => {
    const element = await openModal();
    element.theme = 'dark';
    await element.updateComplete;
    expect(element.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(dialogOf(element)!).backgroundColor).to.equal(DARK_BACKGROUND);
  });

  // A page of its own in a phone-sized frame: no browser window can be made a phone's width in every
  // engine (WebKitGTK's stops at 447 px); the frame's page lays out as on a phone's screen.
  it('on a phone the modal fills the screen, without rounded corners', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 375px; height: 667px; border: 0';
    await loadInto(frame, '/test/fixtures/merchant-page.html');
    try {
      const element = await checkoutIn(frame, { 'order-id': 'PHONE-1', amount: '-1' });
      payButton(element).click();
      await element.updateComplete;
      const dialog = dialogOf(element)!;
      expect(dialog.open).to.equal(true);
      const rect = dialog.getBoundingClientRect();
      expect([rect.left, rect.top, rect.width, rect.height]).to.deep.equal([0, 0, 375, 667]);
      expect(getComputedStyle(dialog).borderTopLeftRadius).to.equal('0px');
    } finally {
      frame.remove();
    }
  });
});
