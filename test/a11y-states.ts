// The states of the modal a buyer can reach, for the accessibility tests (test/a11y.test.ts, and
// test/system/ where the buyer's system prefers dark and does not ask for reduced motion).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import { SANDBOX_API_URL } from '../src/sandbox/index.js';
import { frameOf, mountCheckout, nextEvent, payOnSandbox, sandboxPage, shadow, useNetwork, waitUntil, warmedUp } from './helpers.js';

export const API = `*${SANDBOX_API_URL}`;
/** KTPay never answers: the modal stays in its loading state for as long as a test needs. */
export const stalledApi = () => http.post(API, () => new Promise<never>(() => {}));

export const closeButton = (element: KtpayCheckout) => shadow(element).querySelector<HTMLButtonElement>('[part="close-button"]')!;
export const statusRegion = (element: KtpayCheckout) => shadow(element).querySelector('[role="status"]');

// ---- reaching each state -------------------------------------------------------------------

/** Loading, stuck at "creating the transaction" (the request is in flight and never answered). */
export async function loading(attributes: Record<string, string> = {}): Promise<KtpayCheckout> {
  await useNetwork({}, stalledApi());
  const element = await mountCheckout(attributes);
  void element.open();
  await waitUntil(() => shadow(element).querySelector('.steps li:nth-child(2).active'), 'never reached the creating step');
  return element;
}

/** The sandbox payment page shown in the iframe, ready for card details. */
export async function paying(attributes: Record<string, string> = {}): Promise<KtpayCheckout> {
  await useNetwork();
  const element = await mountCheckout(attributes);
  void element.open();
  await sandboxPage(element);
  await waitUntil(() => frameOf(element)?.classList.contains('pending') === false, 'the payment page was never revealed');
  return element;
}

/** The payment page never says it is alive (KTPay's published dialect): the whole window is offered. */
export async function silentPage(): Promise<KtpayCheckout> {
  await useNetwork({ pageProtocol: 'published' });
  const element = await warmedUp(await mountCheckout({ timeout: '2' }));
  void element.open();
  await waitUntil(() => shadow(element).querySelector('[part="fallback-link"]'), 'the whole window was never offered');
  // Below the iframe it starts under the fold of the dialog: the buyer scrolls to read it.
  shadow(element).querySelector('[part="fallback-link"]')!.scrollIntoView({ block: 'nearest' });
  return element;
}

export async function succeeded(): Promise<KtpayCheckout> {
  const element = await paying();
  const success = nextEvent(element, 'ktpay:success');
  await payOnSandbox(element);
  await success;
  await element.updateComplete;
  return element;
}

export async function declined(): Promise<KtpayCheckout> {
  const element = await paying();
  const failed = nextEvent(element, 'ktpay:failed');
  await payOnSandbox(element, { cvv: '000' });
  await failed;
  await element.updateComplete;
  return element;
}

export async function invalid(): Promise<KtpayCheckout> {
  await useNetwork();
  const element = await mountCheckout({ amount: '-1' });
  await element.open();
  await element.updateComplete;
  return element;
}

export async function networkFailed(attributes: Record<string, string> = {}): Promise<KtpayCheckout> {
  await useNetwork({}, http.post(API, () => HttpResponse.error()));
  const element = await mountCheckout(attributes);
  await element.open();
  await element.updateComplete;
  return element;
}

/** Loading, with the payment page loading behind the steps: the spinner and the iframe both there. */
export async function spinnerAndFrame(): Promise<{ spinner: CSSStyleDeclaration; frame: CSSStyleDeclaration }> {
  await useNetwork();
  const element = await mountCheckout();
  const created = nextEvent(element, 'ktpay:created');
  void element.open();
  await created;
  await element.updateComplete;
  const spinner = shadow(element).querySelector('.spinner')!;
  const frame = frameOf(element)!;
  expect(spinner, 'no spinner').to.exist;
  expect(frame, 'no iframe').to.exist;
  return { spinner: getComputedStyle(spinner), frame: getComputedStyle(frame) };
}

/** Every state axe checks; `dark` ones are checked again where the system prefers dark. */
export const AXE_STATES: { state: string; reach: () => Promise<KtpayCheckout>; title?: string; dark?: true }[] = [
  { state: 'idle', reach: async () => (await useNetwork(), mountCheckout()), dark: true },
  { state: 'loading', reach: () => loading(), dark: true },
  { state: 'paying (payment page in the iframe)', reach: () => paying() },
  { state: 'paying, offering the whole window (silent page)', reach: silentPage, dark: true },
  { state: 'success', reach: succeeded, dark: true },
  { state: 'failure: validation', reach: invalid, dark: true },
  { state: 'failure: network, with Try again', reach: () => networkFailed(), dark: true },
  { state: 'failure: declined by the bank', reach: declined },
  { state: 'loading, lang="kk"', reach: () => loading({ lang: 'kk' }), title: 'Картамен төлеу' },
  { state: 'failure: network, lang="kk"', reach: () => networkFailed({ lang: 'kk' }), title: 'Картамен төлеу' },
  { state: 'loading, lang="en"', reach: () => loading({ lang: 'en' }), title: 'Pay by card' },
  { state: 'failure: network, lang="en"', reach: () => networkFailed({ lang: 'en' }), title: 'Pay by card' },
];
