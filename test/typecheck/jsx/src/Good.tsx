// <ktpay-checkout> itself in JSX, React 19's or Preact's (the same page, compiled for each):
// properties, and onktpay:* listeners, typed once the app includes the types (react.d.ts, preact.d.ts).
import 'ktpay-checkout';
import type { KtpayCheckout, KtpaySuccessDetail } from 'ktpay-checkout';

export function Checkout({ orderId, total, say }: { orderId: string; total: number; say: (outcome: string) => void }) {
  const checkout = { current: null as KtpayCheckout | null };
  const paid = (event: CustomEvent<KtpaySuccessDetail>) => {
    say(event.detail.status);
    event.preventDefault();
  };
  return (
    <>
      <ktpay-checkout
        ref={checkout}
        appId="app" appKey="key" testMode orderId={orderId} amount={total} theme="dark" lang="kk"
        timeout={30} className="pay" app-id="app"
        onktpay:open={(event) => say(event.detail.orderId)}
        onktpay:success={paid}
        onktpay:failed={(event) => say(`${event.detail.source} ${event.detail.code}`)}
        onktpay:close={(event) => say(event.detail.reason)}
      >
        Pay {total} ₸
      </ktpay-checkout>
      <button type="button" onClick={() => checkout.current?.open()}>Pay from code</button>
    </>
  );
}
