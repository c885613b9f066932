import { createRoot } from 'react-dom/client';
import { KtpayCheckout } from 'ktpay-checkout/react';

// The sandbox's published app id and key (src/sandbox/keys.ts); the API is the test's stand-in.
createRoot(document.getElementById('root')!).render(
  <KtpayCheckout
    appId="sandbox-96207d854e8edeca1e03dcc872404c31"
    appKey="bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04="
    apiUrl="/stand-in/ktpay/payment"
    widgetUrl="/stand-in/widget"
    orderId="V-1001"
    amount={990}
  >
    Оплатить
  </KtpayCheckout>,
);
