import { expect } from '@open-wc/testing';
import { dialogOf, mountCheckout, nextEvent, payButton, useNetwork, waitUntil } from './helpers.js';

// Only the element is imported here (not describeError, which carries every language), so this
// page shows what a merchant's page downloads: the button and its words first; the modal, its
// words once the buyer shows intent; other languages only when spoken. (libsodium cannot be
// watched here: the sandbox on this page imports it. `npm run bench` lists what a page fetches.)

// The default buffer (250 entries) is full of the test runner's own modules by now.
performance.setResourceTimingBufferSize(10_000);
const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').some((entry) => pattern.test(new URL(entry.name).pathname));
const BUTTON_WORDS = (lang: string) => new RegExp(`/i18n/generated/button/${lang}\\.`);
const MODAL_WORDS = (lang: string) => new RegExp(`/i18n/generated/${lang}\\.`);
const MODAL_CODE = /\/element\/modal\/checkout-modal\./;

describe('what loads when', () => {
  it('the button first; the modal and its words on intent; each language once, when spoken', async () => {
    await useNetwork();
    // Preloading on screen aside (preload.test.ts): this is what intent brings.
    const russian = await mountCheckout({ lang: 'ru', preload: 'intent' });
    expect(payButton(russian).textContent!.trim()).to.equal('Оплатить');
    const english = await mountCheckout({ lang: 'en', preload: 'intent' });
    expect(payButton(english).textContent!.trim()).to.equal('Pay');
    expect({
      kkButton: fetched(BUTTON_WORDS('kk')),
      enButton: fetched(BUTTON_WORDS('en')),
      enModal: fetched(MODAL_WORDS('en')),
      modal: fetched(MODAL_CODE),
    }).to.deep.equal({ kkButton: false, enButton: true, enModal: false, modal: false });

    // The pointer reaches the English button: everything paying in English needs arrives.
    payButton(english).dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => fetched(MODAL_CODE) && fetched(MODAL_WORDS('en')), 'nothing loaded on intent');
    expect([fetched(BUTTON_WORDS('kk')), fetched(MODAL_WORDS('kk'))]).to.deep.equal([false, false]);

    const opened = nextEvent(english, 'ktpay:open');
    void english.open();
    await opened;
    await english.updateComplete;
    expect(shadowTitle(english)).to.equal('Pay by card');
    english.close();
  });

  it('hides the default label until its words arrive; Pay pressed meanwhile speaks them', async () => {
    await useNetwork();
    expect(fetched(BUTTON_WORDS('kk'))).to.equal(false);
    const element = document.createElement('ktpay-checkout');
    element.setAttribute('lang', 'kk');
    element.setAttribute('amount', '0');
    document.body.append(element);
    try {
      await new Promise(requestAnimationFrame);
      const label = element.shadowRoot!.querySelector('.label')!;
      if (label.textContent !== 'Төлеу') expect(getComputedStyle(label).visibility).to.equal('hidden');
      const result = await element.open();
      expect(result.outcome === 'failed' && result.message).to.equal(
        'Төлемді құру мүмкін емес: дүкеннің төлем баптауларында қателер бар.',
      );
      await element.updateComplete;
      expect(label.textContent).to.equal('Төлеу');
      expect(getComputedStyle(label).visibility).to.equal('visible');
      expect(dialogOf(element)!.querySelector('.title')!.textContent).to.equal('Картамен төлеу');
    } finally {
      element.remove();
    }
  });
});

function shadowTitle(element: HTMLElement): string {
  return element.shadowRoot!.querySelector('dialog .title')!.textContent!.trim();
}
