// <ktpay-checkout> itself in React 19, without the component: properties, and onktpay:* listeners.
import 'ktpay-checkout';
import type {} from 'ktpay-checkout/react';
import type { KtpayCheckout, KtpaySuccessDetail } from 'ktpay-checkout';
import { useRef, useState } from 'react';

export function Checkout({ orderId, total }: { orderId: string; total: number }) {
  const [outcome, setOutcome] = useState('');
  const checkout = useRef<KtpayCheckout>(null);
  const paid = (event: CustomEvent<KtpaySuccessDetail>) => {
    setOutcome(event.detail.status);
    event.preventDefault();
  };
  return (
    <>
      <ktpay-checkout
        ref={checkout}
        appId="app" appKey="key" testMode orderId={orderId} amount={total} theme="dark" lang="kk"
        timeout={30} className="pay" app-id="app"
        onktpay:open={(event) => setOutcome(event.detail.orderId)}
        onktpay:success={paid}
        onktpay:failed={(event) => setOutcome(`${event.detail.source} ${event.detail.code}`)}
        onktpay:close={(event) => setOutcome(event.detail.reason)}
      >
        Pay {total} ₸
      </ktpay-checkout>
      <button type="button" onClick={() => checkout.current?.open()}>Pay from code</button>
      <output>{outcome}</output>
    </>
  );
}
