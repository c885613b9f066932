// Routes shared by the vite dev server (demo) and the test runner, so both serve the sandbox
// exactly alike: the msw worker at the site root (its scope must cover `/`), and the sandbox
// payment page at `<widget-url>/payment-card`, the path the element opens (widget-url="/sandbox").
// MSW cannot answer navigations, so the page must be a real file.

/** @param {string} url @param {{ worker?: boolean }} [options] @returns {string | undefined} */
export function rewriteDevUrl(url, { worker = false } = {}) {
  const [path, query = ''] = url.split('?');
  if (worker && path === '/mockServiceWorker.js') return '/public/mockServiceWorker.js';
  if (path === '/sandbox/payment-card' || path === '/sandbox/payment-card/') {
    return `/src/sandbox/page/payment-card.html${query ? `?${query}` : ''}`;
  }
  return undefined;
}
