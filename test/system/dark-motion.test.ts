// Run where the buyer's system prefers a dark colour scheme and does not ask for reduced motion, set
// as the browser starts (web-test-runner.config.js, group "system-dark-motion"): the same in Chromium,
// Firefox and WebKit, whose drivers cannot all emulate media queries at run time.
import { expect } from '@open-wc/testing';
import { AXE_STATES, spinnerAndFrame } from '../a11y-states.js';
import { dialogOf, useNetwork } from '../helpers.js';
import { DARK_BACKGROUND, LIGHT_BACKGROUND, openModal } from '../theming.js';

describe('a system that prefers dark, with motion', () => {
  it('is what this browser was started with', () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(false);
  });

  describe('theming', () => {
    before(() => useNetwork());
    afterEach(() => document.querySelectorAll('ktpay-checkout').forEach((element) => element.close()));

    it('the modal follows the system: dark', async () => {
      const element = await openModal();
      expect(getComputedStyle(dialogOf(element)!).backgroundColor).to.equal(DARK_BACKGROUND);
      expect(getComputedStyle(dialogOf(element)!).colorScheme).to.equal('dark');
    });

    it('theme="light" overrides a dark system', async () => {
      const element = await openModal({ theme: 'light' });
      expect(getComputedStyle(dialogOf(element)!).backgroundColor).to.equal(LIGHT_BACKGROUND);
    });
  });

  it('the spinner spins and the payment page fades in', async () => {
    const { spinner, frame } = await spinnerAndFrame();
    expect(spinner.animationName).to.equal('spin');
    expect(frame.transitionProperty).to.equal('opacity');
    expect(frame.transitionDuration).not.to.equal('0s');
  });

  // The element has its own dark palette: its colours must hold up there too.
  describe('axe, in the dark palette', () => {
    before(() => void (document.body.style.minHeight = '100vh')); // see test/a11y.test.ts
    after(() => void (document.body.style.minHeight = ''));
    for (const { state, reach } of AXE_STATES.filter((s) => s.dark)) {
      it(`no violations: ${state}`, async () => {
        const element = await reach();
        await expect(element).to.be.accessible();
      });
    }
  });
});
