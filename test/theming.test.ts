// What a designer sets reaches what the buyer sees: custom properties and parts from the page,
// light and dark (following the system, or fixed by `theme`), the modal filling a phone's screen.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { dialogOf, mountCheckout, payButton, shadow, useNetwork } from './helpers.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';

const DARK_BACKGROUND = 'rgb(30, 34, 39)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

/** An element with its modal open on a failure (nothing is sent), so the modal's styles apply. */
async function openModal(attributes: Record<string, string> = {}): Promise<KtpayCheckout> {
  const element = await mountCheckout({ amount: '-1', ...attributes });
  payButton(element).click();
  await element.updateComplete;
  expect(dialogOf(element)!.open).to.equal(true);
  return element;
}

describe('theming', () => {
  before(() => useNetwork());
  afterEach(async () => {
    document.querySelectorAll('ktpay-checkout').forEach((element) => element.close());
    await emulateMedia({ colorScheme: 'light' });
  });

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

  it('follows the system: dark when the buyer prefers dark, light otherwise', async () => {
    const element = await openModal();
    const dialog = dialogOf(element)!;
    expect(getComputedStyle(dialog).backgroundColor).to.equal(LIGHT_BACKGROUND);
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(dialog).backgroundColor).to.equal(DARK_BACKGROUND);
    expect(getComputedStyle(dialog).colorScheme).to.equal('dark');
  });

  it('theme="light" and theme="dark" override the system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const light = await openModal({ theme: 'light' });
    expect(getComputedStyle(dialogOf(light)!).backgroundColor).to.equal(LIGHT_BACKGROUND);
    light.close();
    await emulateMedia({ colorScheme: 'light' });
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

  describe('on a phone', () => {
    before(() => setViewport({ width: 375, height: 667 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('the modal fills the viewport, without rounded corners', async () => {
      const element = await openModal();
      const dialog = dialogOf(element)!;
      const rect = dialog.getBoundingClientRect();
      expect([rect.left, rect.top, rect.width, rect.height]).to.deep.equal([0, 0, 375, 667]);
      expect(getComputedStyle(dialog).borderTopLeftRadius).to.equal('0px');
    });
  });
});
