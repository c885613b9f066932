// The demo shop: the sandbox stands in for KTPay (MSW in a service worker), and the page shows
// what it learns from the element's events, as a merchant's page would.
import { setupWorker } from 'msw/browser';
import { createSandboxHandlers } from '../src/sandbox/index.js';

await setupWorker(...createSandboxHandlers()).start({
  serviceWorker: { url: '/mockServiceWorker.js' },
  quiet: true,
  onUnhandledRequest: 'bypass',
});
await import('../src/ktpay-checkout.js');

const checkout = document.querySelector('ktpay-checkout')!;
const events = document.getElementById('events')!;
const lang = document.getElementById('lang') as HTMLSelectElement;

checkout.orderId = `demo-${Date.now().toString(36)}`;
lang.addEventListener('change', () => checkout.setAttribute('lang', lang.value));

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events.prepend(item);
}

checkout.addEventListener('ktpay:open', (e) => log(`ktpay:open · order ${e.detail.orderId}`));
checkout.addEventListener('ktpay:created', (e) => log(`ktpay:created · ${e.detail.transactionHash ?? e.detail.paymentUrl}`));
checkout.addEventListener('ktpay:success', (e) => {
  log(`ktpay:success · ${e.detail.status} · ${e.detail.transactionHash ?? ''}`);
  // A new order for the next purchase: KTPay refuses to pay one order twice.
  checkout.orderId = `demo-${Date.now().toString(36)}`;
});
checkout.addEventListener('ktpay:failed', (e) => log(`ktpay:failed · ${e.detail.source} ${e.detail.code ?? ''} · ${e.detail.message}`));
checkout.addEventListener('ktpay:close', (e) => log(`ktpay:close · ${e.detail.reason}`));
