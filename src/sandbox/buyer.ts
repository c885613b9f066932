import { TEST_3DS_PASSWORD, TEST_CVV } from './cards.js';
import type { PageProtocol } from './handlers.js';

/** What a buyer enters on the sandbox payment page; by default a test card that pays. */
export interface SandboxCard {
  pan?: string;
  cvv?: string;
  /** Cardholder name; `CODE <code>` gets that acquirer code. */
  name?: string;
  /** The 3-D Secure password. */
  password?: string;
  /** Which page protocol the page speaks to the element (its "Report to the shop as" switch). */
  protocol?: PageProtocol;
}

/**
 * Pays on the sandbox payment page as a buyer would: the card form, then 3-D Secure when the page
 * asks for it. `page` is the page's document (same origin: the element's iframe's
 * `contentDocument`), once its card form shows. For tests, stories and demos.
 */
export function payOnSandboxPage(page: Document, card: SandboxCard = {}): void {
  const enter = (id: string, value: string) => enterField(page, id, value);
  if (card.protocol) enter('protocol', card.protocol);
  enter('cc-number', card.pan ?? '4111 1111 1111 1111');
  enter('cc-exp', '12/24');
  enter('cc-csc', card.cvv ?? TEST_CVV);
  enter('cc-name', card.name ?? 'TEST BUYER');
  (page.getElementById('card') as HTMLFormElement).requestSubmit();
  const secure = page.getElementById('secure') as HTMLFormElement;
  if (secure.hidden) return;
  enter('password', card.password ?? TEST_3DS_PASSWORD);
  secure.requestSubmit();
}

/** Types `value` into the field `id` of `page`, as a buyer's typing leaves it (an `input` event). */
export function enterField(page: Document, id: string, value: string): void {
  const input = page.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
