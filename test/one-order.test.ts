import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { keyDown, keyUp } from './commands.js';
import { modalMessages } from '../src/i18n/load-messages.js';
import { dialogOf, mountCheckout, nextEvent, payButton, payOnSandbox, recordEvents, sent, shadow, useNetwork } from './helpers.js';

// One intent, one order on the wire: however the buyer's hands or the merchant's code repeat it,
// and never a second charge for an order already paid.
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

function centreOf(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('one order per intent', () => {
  beforeEach(() => useNetwork({ delayMs: 100 }));

  it('a real double click sends one request', async () => {
    const element = await mountCheckout();
    const log = recordEvents(element);
    const position = centreOf(payButton(element));
    const created = nextEvent(element, 'ktpay:created'); // may come before the second click returns
    await sendMouse({ type: 'click', position });
    await sendMouse({ type: 'click', position });
    await created;
    await settle();
    expect(sent).to.have.length(1);
    expect(log.filter((e) => e.type === 'ktpay:open')).to.have.length(1);
    element.close();
  });

  for (const [name, key] of [
    ['Enter', 'Enter'],
    ['Space', ' '],
  ] as const) {
    it(`${name} held down on the pay button sends one request and leaves the modal open`, async () => {
      const element = await mountCheckout();
      const log = recordEvents(element);
      payButton(element).focus();
      const created = nextEvent(element, 'ktpay:created'); // may come while the keys are still down
      // The first press activates; the rest are the keyboard's auto-repeat (`repeat: true`), which
      // land wherever focus went: they must neither close the modal nor start a second payment.
      for (let i = 0; i < 12; i++) await keyDown(key);
      await keyUp(key);
      await created;
      await settle();
      expect(sent).to.have.length(1);
      expect(log.map((e) => e.type)).to.deep.equal(['ktpay:open', 'ktpay:created']);
      expect(dialogOf(element)!.open).to.equal(true);
      element.close();
    });
  }

  it('open() called twice returns the same promise and sends one request', async () => {
    const element = await mountCheckout();
    const first = element.open();
    expect(element.open()).to.equal(first);
    await nextEvent(element, 'ktpay:created');
    element.close(); // before the payment page shows: a plain cancel
    expect(await first).to.deep.equal({ outcome: 'cancelled' });
    await settle();
    expect(sent).to.have.length(1);
  });

  it('after a success, the same order-id is refused with a clear message and nothing is sent', async () => {
    const element = await mountCheckout();
    const paid = element.open();
    await nextEvent(element, 'ktpay:created');
    await payOnSandbox(element);
    expect(await paid).to.include({ outcome: 'success' });
    element.close();
    sent.length = 0;

    const { ui } = await modalMessages.load('ru');
    const again = await element.open();
    expect(again).to.deep.include({ outcome: 'failed', source: 'validation', code: null, message: ui.alreadyPaid.message });
    expect(again.outcome === 'failed' && again.fields).to.deep.equal({ 'order-id': [ui.validation.problems['already-paid']] });
    expect(sent).to.have.length(0);
    await element.updateComplete;
    expect(shadow(element).querySelector('.result.failure .message')!.textContent).to.equal(ui.alreadyPaid.message);
    expect(shadow(element).querySelector('[part~="retry"]')).to.equal(null);
    element.close();

    // Another button for the same order on the same page is refused too; a new order pays.
    const twin = await mountCheckout({ 'order-id': element.orderId! });
    expect(await twin.open()).to.include({ outcome: 'failed', source: 'validation', message: ui.alreadyPaid.message });
    twin.close();
    element.orderId = `${element.orderId}-2`;
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(sent).to.have.length(1);
    element.close();
  });

  it('the refusal speaks the buyer’s language', async () => {
    const element = await mountCheckout({ lang: 'kk' });
    const paid = element.open();
    await nextEvent(element, 'ktpay:created');
    await payOnSandbox(element);
    await paid;
    element.close();
    const { ui } = await modalMessages.load('kk');
    expect(await element.open()).to.include({ outcome: 'failed', message: ui.alreadyPaid.message });
    element.close();
  });
});
