// The same page with a mistake on each marked line: ngc must report those lines, and only those.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import { KtpayCheckoutDirective, type KtpaySuccessDetail } from 'ktpay-checkout/angular';

@Component({
  selector: 'app-bad',
  imports: [KtpayCheckoutDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <ktpay-checkout [amount]="true"></ktpay-checkout> <!-- ✗ amount is a string or a number -->
    <ktpay-checkout [theme]="'blue'"></ktpay-checkout> <!-- ✗ theme is light or dark -->
    <ktpay-checkout [testMode]="'yes'"></ktpay-checkout> <!-- ✗ testMode is a boolean -->
    <ktpay-checkout (ktpaySuccess)="note($event.detail.amount)"></ktpay-checkout> <!-- ✗ success's detail has no amount -->
    <ktpay-checkout (ktpayFailed)="paid($event.detail)"></ktpay-checkout> <!-- ✗ failed's detail is not success's -->
    <ktpay-checkout #pay="ktpayCheckout" (click)="pay.submit()"></ktpay-checkout> <!-- ✗ the reference has open(), close() and element -->`,
})
export class BadComponent {
  paid(detail: KtpaySuccessDetail): string {
    return detail.status;
  }
  note(value: unknown): void {
    void value;
  }
}
