// ktpay-checkout/angular in an Angular standalone component, compiled just in time in the browser
// and run without zone.js: the directive's inputs set the element's properties, [attr.x] still sets
// an attribute, and its outputs carry the ktpay:* events, which Angular's templates cannot name
// (`(ktpay:success)` is refused: see the last test). Decorators are called as functions here (JIT,
// no decorator transform). The same directive compiled ahead of time: test/node/typed-templates.
import '@angular/compiler'; // JIT: templates are compiled in the browser
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal, type ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { expect } from '@open-wc/testing';
import { KtpayCheckoutDirective } from '../../src/angular.js';
import type { KtpayCheckout } from '../../src/ktpay-checkout.js';
import { SANDBOX_ATTRIBUTES } from '../../src/sandbox/index.js';
import { dialogOf, freshOrderId, payButton, payOnSandbox, shadow, useNetwork, waitUntil } from '../helpers.js';

class Shop {
  readonly sandbox = SANDBOX_ATTRIBUTES;
  readonly amount = signal('990');
  readonly orderId = signal(freshOrderId());
  readonly events: string[] = [];
  heard(type: string, event: Event): void {
    const detail = (event as CustomEvent).detail as Record<string, unknown>;
    this.events.push([type, detail['status'] ?? detail['source'] ?? detail['reason']].filter(Boolean).join(' '));
    if (type === 'success') event.preventDefault(); // stay on the test page
  }
}

const ShopComponent = Component({
  selector: 'test-shop',
  imports: [KtpayCheckoutDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <ktpay-checkout
      [appId]="sandbox['app-id']" [appKey]="sandbox['app-key']"
      [apiUrl]="sandbox['api-url']" [widgetUrl]="sandbox['widget-url']"
      [attr.amount]="amount()" [orderId]="orderId()"
      (ktpayOpen)="heard('open', $event)"
      (ktpayCreated)="heard('created', $event)"
      (ktpaySuccess)="heard('success', $event)"
      (ktpayFailed)="heard('failed', $event)"
      (ktpayClose)="heard('close', $event)"
    >Оплатить {{ amount() }} ₸</ktpay-checkout>`,
})(class extends Shop {});

describe('Angular: <ktpay-checkout> in a standalone component', () => {
  let app: ApplicationRef;
  let shop: Shop;
  let element: KtpayCheckout;

  beforeEach(async () => {
    await useNetwork();
    document.body.append(document.createElement('test-shop'));
    app = await bootstrapApplication(ShopComponent, { providers: [provideZonelessChangeDetection()] });
    shop = app.components[0]!.instance as Shop;
    element = document.querySelector('ktpay-checkout')!;
    await element.updateComplete;
  });
  afterEach(() => {
    app.destroy();
    document.querySelector('test-shop')?.remove();
  });

  it('binds [prop] as a property and [attr.x] as an attribute, and updates them', async () => {
    expect(element.orderId).to.equal(shop.orderId());
    expect(element.hasAttribute('order-id')).to.equal(false);
    expect(element.appId).to.equal(SANDBOX_ATTRIBUTES['app-id']);
    expect(element.getAttribute('amount')).to.equal('990');
    shop.amount.set('1500.50');
    shop.orderId.set('A-2');
    await app.whenStable();
    expect(element.amount).to.equal('1500.50');
    expect(element.orderId).to.equal('A-2');
    expect(element.textContent!.trim()).to.equal('Оплатить 1500.50 ₸');
  });

  it('hears ktpay:open, created, success and close through the directive\'s outputs', async () => {
    payButton(element).click();
    await waitUntil(() => shop.events.includes('created'), 'no ktpay:created', { timeout: 15_000 }); // this page's first Pay: its sealing worker starts then
    await payOnSandbox(element);
    await waitUntil(() => shop.events.includes('success completed'), 'no ktpay:success', { timeout: 8000 });
    shadow(element).querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitUntil(() => shop.events.some((e) => e.startsWith('close')), 'no ktpay:close');
    expect(shop.events).to.deep.equal(['open', 'created', 'success completed', 'close success']);
  });

  it('hears ktpay:failed with its detail', async () => {
    shop.amount.set('0');
    await app.whenStable();
    payButton(element).click();
    await waitUntil(() => shop.events.some((e) => e.startsWith('failed')), 'no ktpay:failed');
    expect(shop.events).to.deep.equal(['open', 'failed validation']);
    expect(dialogOf(element)!.open).to.equal(true);
  });
});

describe('Angular: the colon in the event names', () => {
  it('is refused in a template binding, which is why the directive exists', async () => {
    const Colon = Component({
      selector: 'test-colon',
      schemas: [CUSTOM_ELEMENTS_SCHEMA],
      template: `<ktpay-checkout (ktpay:success)="paid = true"></ktpay-checkout>`,
    })(class { paid = false; });
    document.body.append(document.createElement('test-colon'));
    const bootstrapped = bootstrapApplication(Colon, { providers: [provideZonelessChangeDetection()] });
    let error: unknown;
    await bootstrapped.then((app) => app.destroy(), (caught: unknown) => (error = caught));
    document.querySelector('test-colon')?.remove();
    expect(String(error)).to.match(/Unexpected global target 'ktpay' defined for 'success' event/);
  });
});
