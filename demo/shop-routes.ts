// Where the demo shop's server answers: shared by the page (demo/main.ts) and the server
// (demo/merchant-backend.ts), so the page never imports server code (node:* modules do not run in
// a browser).
export const CALLBACK_PATH = '/demo-shop/ktpay/callback';
export const ORDERS_PATH = '/demo-shop/orders/';
