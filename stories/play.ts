// What the stories' play functions do on the real element, as a buyer would: press Pay, wait for
// the modal, fill the sandbox's card form in its (same-origin) iframe. Plain DOM, no Storybook.
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import { payOnSandboxPage, type SandboxCard } from '../src/sandbox/index.js';

/** Polls `check` each frame until it gives something truthy; fails naming `what` after `ms`. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, ms = 10_000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export const checkoutIn = (root: ParentNode) => root.querySelector('ktpay-checkout')!;
export const inShadow = <E extends Element = HTMLElement>(element: KtpayCheckout, selector: string) =>
  element.shadowRoot!.querySelector<E>(selector);

/** Presses Pay on the story's element and waits for the modal. */
export async function pay(element: KtpayCheckout): Promise<KtpayCheckout> {
  await element.updateComplete;
  inShadow(element, 'button[part~="button"]')!.click();
  await waitFor(() => inShadow<HTMLDialogElement>(element, 'dialog')?.open, 'the modal');
  return element;
}

/** Waits for `selector` in the modal (a view, a step). */
export async function modalShows(element: KtpayCheckout, selector: string): Promise<void> {
  await waitFor(() => inShadow(element, selector), selector);
}

/** The loading step the modal marks current (0 sending … 3 opening), or -1. */
export function currentStep(element: KtpayCheckout): number {
  const steps = [...(element.shadowRoot?.querySelectorAll('.steps li') ?? [])];
  return steps.findIndex((step) => step.getAttribute('aria-current') === 'step');
}

/** Waits until the modal shows loading step `index` as the current one. */
export async function modalAtStep(element: KtpayCheckout, index: number): Promise<void> {
  await waitFor(() => currentStep(element) === index, `loading step ${index}`);
}

/** The sandbox payment page in the modal's iframe, once its card form shows. */
export async function paymentPage(element: KtpayCheckout): Promise<Document> {
  return waitFor(() => {
    const page = inShadow<HTMLIFrameElement>(element, 'iframe')?.contentDocument;
    const form = page?.getElementById('card');
    return form && !form.hidden && page;
  }, 'the sandbox card form');
}

/** Pays on the sandbox page: card form, then 3-D Secure if the card step passed. */
export async function payOnSandbox(element: KtpayCheckout, card?: SandboxCard): Promise<void> {
  payOnSandboxPage(await paymentPage(element), card);
}
