'use client';
// The element through the React package, as docs/frameworks.md shows it, with the sandbox's
// published app id and key (src/sandbox/keys.ts); the API is the test's stand-in on this origin.
import { KtpayCheckout } from 'ktpay-checkout/react';

const SANDBOX_APP_ID = 'sandbox-96207d854e8edeca1e03dcc872404c31';
const SANDBOX_APP_KEY = 'bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04=';

export function PayButton({ orderId, amount }: { orderId: string; amount: number }) {
  return (
    <KtpayCheckout
      appId={SANDBOX_APP_ID}
      appKey={SANDBOX_APP_KEY}
      apiUrl="/stand-in/ktpay/payment"
      widgetUrl="/stand-in/widget"
      orderId={orderId}
      amount={amount}
      onKtpayFailed={(event) => console.info('ktpay:failed', event.detail.source)}
    >
      Оплатить
    </KtpayCheckout>
  );
}
