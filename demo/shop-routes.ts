// Where the demo shop's server answers: shared by the page (demo/main.ts) and the server
// (demo/merchant-backend.ts), so the page never imports server code (node:* modules do not run in
// a browser).
export const CALLBACK_PATH = '/demo-shop/ktpay/callback';
export const ORDERS_PATH = '/demo-shop/orders/';
/** ePay: the page tells the server what is in the cart for an invoice; the server prices it. */
export const EPAY_ORDER_PATH = '/demo-shop/epay/orders/';
/** ePay: the element's `auth-url` (createEpayAuthHandler). */
export const EPAY_AUTH_PATH = '/demo-shop/epay/auth';
/** ePay: the postLink (createEpayPostLinkHandler). */
export const EPAY_POST_LINK_PATH = '/demo-shop/epay/post-link';
