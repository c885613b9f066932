// A page whose libsodium never arrives, so its element stays at «sending the parameters».
// It has an msw worker of its own, for this folder only: Chromium keeps modules in a memory cache
// partitioned by the service worker in control, and under the preview's worker it would hand this
// page the libsodium the preview loaded, without asking any worker. (The query makes it another
// worker to msw, which otherwise reuses the preview's registration.)
import { delay, http } from 'msw';
import { setupWorker } from 'msw/browser';

// Not top-level await: WebKitGTK 2.50 spins forever on a page whose frame is removed while a
// module's top-level await is pending (a story closed before this page is ready).
const worker = setupWorker(http.get(/\/[^/]*libsodium[^/]*\.m?js$/, () => delay('infinite')));
void worker
  .start({
    serviceWorker: { url: '../../../mockServiceWorker.js?for=fresh-pages', options: { scope: './' } },
    quiet: true,
    onUnhandledRequest: 'bypass',
  })
  .then(() => import('../../../src/ktpay-checkout.js'));
