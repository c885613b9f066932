// The package entry: the element (registered on import) and `describeError`. `describeError`
// carries every language's catalog so it can answer synchronously; a bundler drops it when unused,
// and the prebuilt `dist/ktpay-checkout.js` leaves it out.
export * from './ktpay-checkout.js';
export { describeError } from './i18n/describe-error.js';
