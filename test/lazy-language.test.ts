import { expect } from '@open-wc/testing';
import { mountCheckout, payButton, useNetwork } from './helpers.js';

// Only the element is imported here (not describeError, which carries every language), so this
// page shows what a merchant's page downloads: Russian with the element, the others on demand.

// The default buffer (250 entries) is full of the test runner's own modules by now.
performance.setResourceTimingBufferSize(10_000);
const fetched = (lang: string) =>
  performance.getEntriesByType('resource').some((entry) => new RegExp(`/i18n/generated/${lang}\\.`).test(entry.name));

describe('translations load when a language is first needed', () => {
  it('fetches none for Russian, then each language once, when an element first speaks it', async () => {
    await useNetwork();
    const russian = await mountCheckout({ lang: 'ru' });
    expect(payButton(russian).textContent!.trim()).to.equal('Оплатить');
    expect([fetched('kk'), fetched('en')]).to.deep.equal([false, false]);

    const english = await mountCheckout({ lang: 'en' });
    expect(payButton(english).textContent!.trim()).to.equal('Pay');
    expect([fetched('kk'), fetched('en')]).to.deep.equal([false, true]);
  });

  it('hides the default label until its words arrive; Pay pressed meanwhile speaks them', async () => {
    await useNetwork();
    expect(fetched('kk')).to.equal(false);
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
    } finally {
      element.remove();
    }
  });
});
