// Routes shared by the vite dev server (demo) and the test runner, so both serve the sandbox
// exactly alike: the msw worker at the site root (its scope must cover `/`), and the sandbox
// payment page at `<widget-url>/payment-card`, the path the element opens (widget-url="/sandbox"),
// and the ePay sandbox's script and payment form under /sandbox/epay/.
// MSW cannot answer navigations, so the page must be a real file.

/** @param {string} url @param {{ worker?: boolean }} [options] @returns {string | undefined} */
export function rewriteDevUrl(url, { worker = false } = {}) {
  const [path, query = ''] = url.split('?');
  if (worker && path === '/mockServiceWorker.js') return '/public/mockServiceWorker.js';
  if (path === '/sandbox/payment-card' || path === '/sandbox/payment-card/') {
    return `/src/sandbox/page/payment-card.html${query ? `?${query}` : ''}`;
  }
  // The ePay sandbox: the stand-in for Halyk's payment-api.js, and the payment form beside it.
  if (path === '/sandbox/epay/payment-api.js') return '/src/sandbox/epay/payment-api.js';
  if (path === '/sandbox/epay/payform' || path === '/sandbox/epay/payform/') {
    return `/src/sandbox/epay/payform.html${query ? `?${query}` : ''}`;
  }
  return undefined;
}
