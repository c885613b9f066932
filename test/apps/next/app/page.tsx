// A server component: the page is rendered on the server, the button hydrates in the browser.
import { PayButton } from './pay-button';

export default function Page() {
  return (
    <main>
      <h1>Заказ N-1001</h1>
      <PayButton orderId="N-1001" amount={990} />
    </main>
  );
}
