// The same tag with a mistake on each marked line: tsc must report those lines, and only those.
import type { KtpayFailedDetail } from 'ktpay-checkout';

const failed = (event: CustomEvent<KtpayFailedDetail>) => event.detail.source;

export const Bad = () => (
  <>
    <ktpay-checkout amount={true} /> {/* ✗ amount is a string or a number */}
    <ktpay-checkout theme="blue" /> {/* ✗ theme is light or dark */}
    <ktpay-checkout testMode="yes" /> {/* ✗ testMode is a boolean */}
    <ktpay-checkout onktpay:success={(event) => event.detail.amount} /> {/* ✗ success's detail has no amount */}
    <ktpay-checkout onktpay:success={failed} /> {/* ✗ success's event is not failed's */}
    <ktpay-checkout orderID="A-1" /> {/* ✗ no such property */}
  </>
);
