import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { checkoutMeta, HELD, renderCheckout } from './checkout.js';
import { checkoutIn, modalAtStep, pay, waitFor } from './play.js';

/**
 * The modal's loading steps, each held by a request that never gets its answer. The fourth,
 * «opening the payment page», lasts one animation frame by design (the page loaded and is
 * revealed in the next frame): nothing on the network can hold it.
 */
const meta = {
  ...checkoutMeta,
  title: 'ktpay-checkout/Loading steps',
  // A held step must not end in a timeout while someone looks at it.
  args: { ...checkoutMeta.args, ...HELD },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/**
 * «Sending the parameters»: libsodium still loading. A page starts its sealing worker once, so the
 * element is on a page of its own in an iframe; the worker's script is held, and so is that page's
 * libsodium module, for where no worker can start (stories/pages/fresh/checkout.ts).
 */
export const SendingParameters: Story = {
  parameters: { sandbox: { hold: 'sealing' } },
  render: (args, context) => {
    const frame = document.createElement('iframe');
    frame.title = 'A page that has not loaded libsodium yet';
    frame.style.cssText = 'display: block; width: 100%; height: 560px; border: 0';
    frame.src = 'stories/pages/fresh/checkout.html';
    frame.addEventListener('load', () => {
      const page = frame.contentDocument!;
      page.body.append(renderCheckout(args, context, page));
    });
    return frame;
  },
  play: async ({ canvasElement }) => {
    const frame = canvasElement.querySelector('iframe')!;
    // A fresh page loads every module again (unbundled in the test runner: long in WebKit at load).
    const element = await waitFor(() => frame.contentDocument && checkoutIn(frame.contentDocument), 'the element in the frame', 25_000);
    await frame.contentWindow!.customElements.whenDefined('ktpay-checkout');
    await modalAtStep(await pay(element), 0);
  },
};

/** «Creating the transaction»: KTPay's answer held. */
export const CreatingTransaction: Story = {
  parameters: { sandbox: { hold: 'api' } },
  play: async ({ canvasElement }) => modalAtStep(await pay(checkoutIn(canvasElement)), 1),
};

/**
 * «Getting the acquirer's parameters»: KTPay answered, and its payment page (hidden behind the
 * steps) never finishes loading. After 10 s the modal offers the page in the whole window, as it
 * does for a page that stays silent.
 */
export const LoadingPaymentPage: Story = {
  parameters: { sandbox: { hold: 'payment-page' } },
  play: async ({ canvasElement }) => modalAtStep(await pay(checkoutIn(canvasElement)), 2),
};
