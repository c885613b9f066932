// <ktpay-checkout> in Preact: properties, and onktpay:* listeners, typed.
import 'ktpay-checkout';
import type {} from 'ktpay-checkout/preact';
import type { KtpayCheckout, KtpaySuccessDetail } from 'ktpay-checkout';
import { useRef, useState } from 'preact/hooks';

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
        timeout={30} class="pay" app-id="app"
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
