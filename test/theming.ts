// What the theming tests share (test/theming.test.ts, and test/system/ under a dark system).
import { expect } from '@open-wc/testing';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import { dialogOf, mountCheckout, payButton } from './helpers.js';

export const DARK_BACKGROUND = 'rgb(30, 34, 39)';
export const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

/** An element with its modal open on a failure (nothing is sent), so the modal's styles apply. */
export async function openModal(attributes: Record<string, string> = {}): Promise<KtpayCheckout> {
  const element = await mountCheckout({ amount: '-1', ...attributes });
  payButton(element).click();
  await element.updateComplete;
  expect(dialogOf(element)!.open).to.equal(true);
  return element;
}
