import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { checkoutMeta } from './checkout.js';
import { checkoutIn, modalShows, pay, paymentPage, payOnSandbox } from './play.js';

/** A payment from Pay to its outcome, on the sandbox: its payment page and each way it can end. */
const meta = {
  ...checkoutMeta,
  title: 'ktpay-checkout/Payment',
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** The sandbox's payment page (KTPay's page and the bank's card form) in the modal. */
export const SandboxPaymentPage: Story = {
  play: async ({ canvasElement }) => void (await paymentPage(await pay(checkoutIn(canvasElement)))),
};

/** Paid with a test card and its 3-D Secure password: the receipt. */
export const Success: Story = {
  play: async ({ canvasElement }) => {
    const element = await pay(checkoutIn(canvasElement));
    await payOnSandbox(element);
    await modalShows(element, '.result.success');
  },
};

/** Failure, source validation: a bad attribute, found before anything is sent. */
export const FailureValidation: Story = {
  args: { amount: '-1' },
  play: async ({ canvasElement }) => modalShows(await pay(checkoutIn(canvasElement)), '.result.failure'),
};

/** Failure, source network: KTPay cannot be reached. */
export const FailureNetwork: Story = {
  parameters: { sandbox: { unreachable: true } },
  play: async ({ canvasElement }) => modalShows(await pay(checkoutIn(canvasElement)), '.result.failure'),
};

/** Failure, source api: KTPay refuses an app id it does not know (error 4010103). */
export const FailureApi: Story = {
  args: { 'app-id': 'someone-else' },
  play: async ({ canvasElement }) => modalShows(await pay(checkoutIn(canvasElement)), '.result.failure'),
};

/** Failure, source acquirer: the bank declines a wrong CVV (code 05). */
export const FailureAcquirer: Story = {
  play: async ({ canvasElement }) => {
    const element = await pay(checkoutIn(canvasElement));
    await payOnSandbox(element, { cvv: '999' });
    await modalShows(element, '.result.failure');
  },
};
