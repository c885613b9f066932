// Where the demo shop's server answers: shared by the page (demo/main.ts) and the server
// (demo/merchant-backend.ts), so the page never imports server code (node:* modules do not run in
// a browser).
/** The page tells the server what is in the cart for an order (quantities only); the server prices it. */
export const CART_PATH = '/demo-shop/carts/';
/** What the server learned of an order: from KTPay's callback or ePay's postLink, never from the browser. */
export const ORDERS_PATH = '/demo-shop/orders/';
/** KTPay: the element's `seal-url` (createKtpaySealHandler). */
export const KTPAY_SEAL_PATH = '/demo-shop/ktpay/seal';
/** KTPay: the callback endpoint (createCallbackHandler); KTPay receives it with the order's token. */
export const CALLBACK_PATH = '/demo-shop/ktpay/callback';
/** ePay: the element's `auth-url` (createEpayAuthHandler). */
export const EPAY_AUTH_PATH = '/demo-shop/epay/auth';
/** ePay: the postLink (createEpayPostLinkHandler). */
export const EPAY_POST_LINK_PATH = '/demo-shop/epay/post-link';
