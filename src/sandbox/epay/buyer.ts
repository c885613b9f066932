import { enterField } from '../buyer.js';
import { TEST_3DS_PASSWORD, TEST_CVV } from '../cards.js';

/** What a buyer enters on the ePay sandbox form; by default a test card that pays. */
export interface EpaySandboxCard {
  pan?: string;
  cvv?: string;
  /** Cardholder name; `CODE <n>` gets ePay reason code n. */
  name?: string;
  /** The 3-D Secure password. */
  password?: string;
  /** Leave the outcome on screen instead of going back to the shop. */
  stay?: boolean;
}

/**
 * Pays on the ePay sandbox form as a buyer would: the card, 3-D Secure when asked, then "Back to
 * the shop" once the outcome shows (unless `stay`). `form` is the form's document (same origin: the
 * overlay frame's `contentDocument`, or the window's own), once its card form shows.
 */
export async function payOnEpayForm(form: Document, card: EpaySandboxCard = {}): Promise<void> {
  const enter = (id: string, value: string) => enterField(form, id, value);
  enter('cc-number', card.pan ?? '4111 1111 1111 1111');
  enter('cc-exp', '12/29');
  enter('cc-csc', card.cvv ?? TEST_CVV);
  enter('cc-name', card.name ?? 'TEST BUYER');
  (form.getElementById('card') as HTMLFormElement).requestSubmit();
  const secure = form.getElementById('secure') as HTMLFormElement;
  if (!secure.hidden) {
    enter('password', card.password ?? TEST_3DS_PASSWORD);
    secure.requestSubmit();
  }
  const result = form.getElementById('result')!;
  for (let waited = 0; result.hidden; waited += 20) {
    if (waited > 8000) throw new Error('the ePay sandbox form showed no outcome');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!card.stay) form.getElementById('back')!.click();
}
