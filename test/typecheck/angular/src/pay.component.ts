// A checkout page written right: the directive's typed inputs, its outputs, and a template reference.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { KtpayCheckoutDirective, type KtpayFailedDetail, type KtpaySuccessDetail } from 'ktpay-checkout/angular';

@Component({
  selector: 'app-pay',
  imports: [KtpayCheckoutDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA], // the tag itself is the browser's, not Angular's
  template: `
    <ktpay-checkout #pay="ktpayCheckout"
      appId="app" appKey="key" [testMode]="true" lang="kk" theme="dark"
      [orderId]="orderId()" [amount]="amount()" [timeout]="30" description="Books"
      (ktpayOpen)="outcome.set($event.detail.orderId)"
      (ktpayCreated)="outcome.set($event.detail.paymentUrl)"
      (ktpaySuccess)="paid($event.detail, $event)"
      (ktpayFailed)="failed($event.detail)"
      (ktpayClose)="outcome.set($event.detail.reason)"
    >Pay {{ amount() }} ₸</ktpay-checkout>
    <button type="button" (click)="pay.open()">Pay from code</button>
    <output>{{ outcome() }}</output>`,
})
export class PayComponent {
  readonly orderId = signal('A-1001');
  readonly amount = signal<number | string>(990);
  readonly outcome = signal('');

  paid(detail: KtpaySuccessDetail, event: Event): void {
    this.outcome.set(`${detail.orderId} ${detail.status}`);
    event.preventDefault(); // stay here instead of going to callbackSuccessUrl
  }
  failed(detail: KtpayFailedDetail): void {
    this.outcome.set(`${detail.source}: ${detail.message}`);
  }
}
