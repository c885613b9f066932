import { expect } from '@open-wc/testing';
import { loadSealer } from '../src/crypto/sodium.js';
import { press } from './commands.js';
import { dialogOf, frameOf, mountCheckout, nextEvent, payButton, payingElement, sandboxPage, shadow, useNetwork, waitUntil } from './helpers.js';

describe('the modal', () => {
  beforeEach(() => useNetwork({ delayMs: 150 }));

  it('is a native modal dialog labelled by its visible title, with focus inside', async () => {
    const element = await mountCheckout();
    payButton(element).focus();
    payButton(element).click();
    await nextEvent(element, 'ktpay:open');
    const dialog = dialogOf(element)!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const title = shadow(element).getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).to.equal('Оплата картой');
    expect(dialog.contains(shadow(element).activeElement)).to.equal(true);
    expect(document.documentElement.style.overflow).to.equal('hidden');
    element.close();
  });

  it('is drawn in one task and shown in the next (showing lays it out: on a phone, a task of its own)', async () => {
    const element = await mountCheckout();
    let openAsDrawn: boolean | undefined;
    const observer = new MutationObserver(() => (openAsDrawn ??= dialogOf(element)?.open));
    observer.observe(shadow(element), { childList: true, subtree: true });
    payButton(element).click();
    await nextEvent(element, 'ktpay:open');
    observer.disconnect();
    expect(openAsDrawn, 'open as it was drawn').to.equal(false);
    expect(dialogOf(element)!.open, 'open when ktpay:open is heard').to.equal(true);
    element.close();
  });

  it('closed between its drawing and its showing, it never shows: the page keeps its scroll and focus', async () => {
    const element = await mountCheckout();
    payButton(element).focus();
    const observer = new MutationObserver(() => {
      if (!dialogOf(element)) return;
      observer.disconnect();
      element.close();
    });
    observer.observe(shadow(element), { childList: true, subtree: true });
    const events: string[] = [];
    for (const type of ['ktpay:open', 'ktpay:close'] as const) element.addEventListener(type, () => events.push(type));
    const closed = nextEvent(element, 'ktpay:close');
    const result = element.open();
    expect((await closed).detail).to.deep.equal({ reason: 'cancel', paymentStarted: false });
    expect(await result).to.deep.equal({ outcome: 'cancelled' });
    await element.updateComplete; // past the task it would have been shown in, too
    expect(dialogOf(element)).to.equal(null);
    expect(events).to.deep.equal(['ktpay:close']);
    expect(document.documentElement.style.overflow).to.equal('');
    expect(shadow(element).activeElement === payButton(element), 'focus stays on the pay button').to.equal(true);
  });

  it('shows the loading steps as they happen, announced in a live region', async () => {
    // Whether sealing is a step of its own depends on libsodium being ready (a warm click seals at
    // once); make it ready, so the steps are the same whatever an engine loaded before.
    await loadSealer();
    const element = await mountCheckout();
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      const active = shadow(element).querySelector('.steps li.active');
      if (active) seen.add(active.textContent!);
    });
    observer.observe(shadow(element), { subtree: true, childList: true, attributes: true, characterData: true });
    void element.open();
    await sandboxPage(element);
    observer.disconnect();
    expect([...seen]).to.deep.equal(['Создание транзакции', 'Получение параметров эквайринга', 'Открытие страницы оплаты']);
    expect(shadow(element).querySelector('[role="status"]')).not.to.equal(null);
  });

  it('Escape closes it as a cancel, unlocks scrolling and returns focus to the pay button', async () => {
    const element = await mountCheckout();
    payButton(element).focus();
    const result = element.open();
    await nextEvent(element, 'ktpay:open');
    const closed = nextEvent(element, 'ktpay:close');
    await press('Escape');
    expect((await closed).detail).to.deep.equal({ reason: 'cancel', paymentStarted: false });
    expect(await result).to.deep.equal({ outcome: 'cancelled' });
    await element.updateComplete;
    expect(dialogOf(element)).to.equal(null);
    // Compared by identity: a failing equality of two DOM nodes makes the runner hang serialising them.
    expect(shadow(element).activeElement === payButton(element), 'focus is back on the pay button').to.equal(true);
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('the close button cancels a payment in flight; nothing fires after', async () => {
    const element = await mountCheckout();
    const events: string[] = [];
    for (const type of ['ktpay:created', 'ktpay:success', 'ktpay:failed']) element.addEventListener(type, () => events.push(type));
    const result = element.open();
    await nextEvent(element, 'ktpay:open');
    shadow(element).querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    expect(await result).to.deep.equal({ outcome: 'cancelled' });
    await new Promise((r) => setTimeout(r, 400));
    expect(events).to.deep.equal([]);
  });

  it('closed after the payment page showed: not a cancel, the outcome is unknown', async () => {
    const { element, result, orderId, transactionHash } = await payingElement();
    const closed = nextEvent(element, 'ktpay:close');
    shadow(element).querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    expect((await closed).detail).to.deep.equal({ reason: 'cancel', paymentStarted: true, transactionHash });
    expect(await result).to.deep.equal({ outcome: 'unknown', orderId, transactionHash });
  });

  it('closed while the payment page is still loading: a cancel, nothing could be paid', async () => {
    const element = await mountCheckout();
    const result = element.open();
    await nextEvent(element, 'ktpay:created');
    await element.updateComplete;
    expect(frameOf(element)?.classList.contains('pending'), 'the page is loading, not shown yet').to.equal(true);
    const closed = nextEvent(element, 'ktpay:close');
    element.close();
    expect((await closed).detail).to.deep.equal({ reason: 'cancel', paymentStarted: false });
    expect(await result).to.deep.equal({ outcome: 'cancelled' });
  });

  it('removed mid-payment, it fires nothing and closes; put back, it pays again', async () => {
    const element = await mountCheckout();
    const events: string[] = [];
    for (const type of ['ktpay:created', 'ktpay:success', 'ktpay:failed', 'ktpay:close']) element.addEventListener(type, () => events.push(type));
    const result = element.open();
    await nextEvent(element, 'ktpay:open');
    const parent = element.parentNode!;
    element.remove();
    expect(await result).to.deep.equal({ outcome: 'cancelled' });
    await new Promise((r) => setTimeout(r, 400));
    expect(events).to.deep.equal([]);
    expect(document.documentElement.style.overflow).to.equal('');
    parent.append(element);
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    await waitUntil(() => dialogOf(element)?.open);
    element.close();
  });

  it('events bubble out of the shadow root to the document', async () => {
    const element = await mountCheckout();
    const heard = nextEvent(document, 'ktpay:open');
    void element.open();
    const event = await heard;
    expect(event.composed && event.bubbles).to.equal(true);
    expect(event.detail).to.deep.equal({ orderId: element.orderId });
    element.close();
  });

  it('speaks the page language, and lang overrides it (kz is Kazakh)', async () => {
    const element = await mountCheckout({ lang: 'kz' });
    expect(payButton(element).textContent!.trim()).to.equal('Төлеу');
    element.setAttribute('lang', 'en');
    await element.updateComplete;
    expect(payButton(element).textContent!.trim()).to.equal('Pay');
    element.removeAttribute('lang');
    await element.updateComplete;
    expect(payButton(element).textContent!.trim()).to.equal('Оплатить');
  });
});
