import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { KtpayCheckoutDirective } from 'ktpay-checkout/angular';

// The sandbox's published app id and key (src/sandbox/keys.ts); the API is the test's stand-in.
@Component({
  selector: 'app-shop',
  imports: [KtpayCheckoutDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<ktpay-checkout [appId]="appId" [appKey]="appKey" [apiUrl]="apiUrl" [widgetUrl]="widgetUrl" [orderId]="orderId" [amount]="990">Оплатить</ktpay-checkout>`,
})
class ShopComponent {
  appId = 'sandbox-96207d854e8edeca1e03dcc872404c31';
  appKey = 'bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04=';
  apiUrl = '/stand-in/ktpay/payment';
  widgetUrl = '/stand-in/widget';
  orderId = 'A-1001';
}

bootstrapApplication(ShopComponent, { providers: [provideZonelessChangeDetection()] }).catch((error) => console.error(error));
