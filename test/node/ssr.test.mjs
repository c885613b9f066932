// The package where there is no DOM: a server rendering the merchant's page imports it (Next.js,
// Nuxt, Angular Universal, Lit SSR). Runs against the built dist/, as npm consumers get it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('importing the package entry in Node does not throw and touches no DOM', async () => {
  assert.equal(typeof document, 'undefined');
  const pkg = await import('ktpay-checkout');
  assert.equal(typeof pkg.KtpayCheckout, 'function');
  assert.equal(typeof pkg.defineKtpayCheckout, 'function');
  assert.equal(typeof document, 'undefined', 'the import must not create a document');
});

test('the element can be constructed on the server (what Lit SSR does) without work or errors', async () => {
  const { KtpayCheckout } = await import('ktpay-checkout');
  const element = new KtpayCheckout();
  element.setAttribute?.('amount', '100');
  assert.equal(element.language, 'ru');
});

test('describeError answers on the server from both entries', async () => {
  const { describeError } = await import('ktpay-checkout');
  const alone = await import('ktpay-checkout/describe-error');
  assert.deepEqual(describeError('05', 'kk'), alone.describeError('05', 'kk'));
  assert.match(describeError(4010103, 'en').message, /[A-Za-z]/);
  assert.match(describeError('XZ', 'kz').message, /XZ/);
  // Halyk ePay's own reason codes (its postLink's reasonCode), from both entries alike.
  assert.deepEqual(describeError(484, 'kk'), alone.describeError('484', 'kk'));
  assert.match(describeError(484, 'en').message, /insufficient funds/i);
  assert.equal(describeError(457, 'ru').message, 'Срок действия карты введён неверно.');
  assert.match(describeError(474, 'en').message, /474/);
});

test('ktpay-checkout/react renders on the server (Next.js, Remix): the tag and its label', async () => {
  const { KtpayCheckout } = await import('ktpay-checkout/react');
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const markup = renderToString(createElement(KtpayCheckout, { orderId: 'A-1', amount: 100, lang: 'kk', onKtpaySuccess: () => {} }, 'Төлеу'));
  // Properties are set in the browser, when React hydrates; attributes React knows are rendered.
  assert.equal(markup, '<ktpay-checkout lang="kk">Төлеу</ktpay-checkout>');
  assert.equal(typeof document, 'undefined');
});
