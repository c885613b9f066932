// The demo shop: the sandbox stands in for KTPay (MSW in a service worker), the page shows what it
// learns from the element's events, and next to it what the shop's server learned from KTPay's
// callback (demo/merchant-backend.ts), as a merchant's page would.
import { setupWorker } from 'msw/browser';
import { formatAmount } from '../src/i18n/format-amount.js';
import { createSandboxHandlers } from '../src/sandbox/index.js';
import { CALLBACK_PATH, ORDERS_PATH } from './shop-routes.js';

const events = document.getElementById('events')!;
const orders = document.getElementById('orders')!;

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events.prepend(item);
}

await setupWorker(
  ...createSandboxHandlers({
    onCallback: ({ attempt, httpStatus, acknowledged }) =>
      log(`sandbox → server callback, attempt ${attempt}: HTTP ${httpStatus || 'none'}${acknowledged ? ', acknowledged' : ''}`),
  }),
).start({
  serviceWorker: { url: '/mockServiceWorker.js' },
  quiet: true,
  onUnhandledRequest: 'bypass',
});
await import('../src/ktpay-checkout.js');

const checkout = document.querySelector('ktpay-checkout')!;
const lang = document.getElementById('lang') as HTMLSelectElement;

const newOrder = () => (checkout.orderId = `demo-${Date.now().toString(36)}`);
newOrder();
checkout.setAttribute('callback-post-url', new URL(CALLBACK_PATH, location.href).href);
lang.addEventListener('change', () => checkout.setAttribute('lang', lang.value));

/** A row per order: what the browser said, then what the server confirmed. */
function orderRow(orderId: string, browserSaid: string, outcome: 'paid' | 'failed'): HTMLTableCellElement {
  const row = document.createElement('tr');
  const cells: [string, string][] = [[orderId, ''], [browserSaid, outcome], ['waiting for the callback…', '']];
  for (const [text, className] of cells) {
    const cell = document.createElement('td');
    cell.textContent = text;
    if (className) cell.className = className;
    row.append(cell);
  }
  orders.prepend(row);
  return row.lastElementChild as HTMLTableCellElement;
}

/** Asks the shop's server until KTPay's callback has reached it (the sandbox retries for ~2 min). */
async function showServerView(orderId: string, cell: HTMLTableCellElement): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const response = await fetch(`${ORDERS_PATH}${encodeURIComponent(orderId)}`).catch(() => undefined);
    if (response?.ok) {
      const order = (await response.json()) as { outcome: string; status: string; amount: number; transactionHash: string };
      cell.textContent = `${order.outcome}: ${order.status}, ${formatAmount(order.amount, 'ru')}, ${order.transactionHash.slice(0, 12)}…`;
      cell.className = order.outcome;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  cell.textContent = 'no callback arrived';
}

checkout.addEventListener('ktpay:open', (e) => log(`ktpay:open · order ${e.detail.orderId}`));
/** Orders KTPay created a transaction for: only those get a callback. */
const created = new Set<string>();
checkout.addEventListener('ktpay:created', (e) => {
  created.add(e.detail.orderId);
  log(`ktpay:created · ${e.detail.transactionHash ?? e.detail.paymentUrl}`);
});
checkout.addEventListener('ktpay:success', (e) => {
  log(`ktpay:success · ${e.detail.status} · ${e.detail.transactionHash ?? ''}`);
  void showServerView(e.detail.orderId, orderRow(e.detail.orderId, `success: ${e.detail.status}`, 'paid'));
  // A new order for the next purchase: KTPay refuses to pay one order twice.
  newOrder();
});
checkout.addEventListener('ktpay:failed', (e) => {
  log(`ktpay:failed · ${e.detail.source} ${e.detail.code ?? ''} · ${e.detail.message}`);
  // Only a transaction KTPay created ends in a callback; a refusal before that never left the page.
  if (created.has(e.detail.orderId)) {
    void showServerView(e.detail.orderId, orderRow(e.detail.orderId, `failed: ${e.detail.code ?? e.detail.source}`, 'failed'));
  }
});
checkout.addEventListener('ktpay:close', (e) => log(`ktpay:close · ${e.detail.reason}`));
