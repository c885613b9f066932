import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { payOnEpayForm, SANDBOX_EPAY_ATTRIBUTES, type EpaySandboxCard } from '../src/sandbox/index.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import { checkoutMeta } from './checkout.js';
import { checkoutIn, modalShows, waitFor } from './play.js';

let invoices = 0;
/** ePay's invoiceId: digits only, 6 to 15; a new one per render. */
const freshInvoiceId = () => `${String(Date.now()).slice(-10)}${String(++invoices % 100).padStart(2, '0')}`;

/**
 * The same element paying through Halyk ePay directly (`provider="epay"`), on the ePay sandbox: a
 * stand-in for Halyk's script and form, and for the shop's `auth-url`. Relative to the page, so a
 * static build served from a sub-path still finds them.
 */
const meta = {
  ...checkoutMeta,
  title: 'ktpay-checkout/Halyk ePay',
  render: (args, context) => {
    const element = checkoutMeta.render(args, context);
    element.setAttribute('order-id', freshInvoiceId());
    return element;
  },
  args: {
    ...checkoutMeta.args,
    'app-id': '',
    'app-key': '',
    'api-url': '',
    'widget-url': '',
    ...SANDBOX_EPAY_ATTRIBUTES,
    'auth-url': SANDBOX_EPAY_ATTRIBUTES['auth-url'].slice(1),
    'epay-script-url': SANDBOX_EPAY_ATTRIBUTES['epay-script-url'].slice(1),
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Halyk's form in Halyk's own overlay: the element's modal steps aside, one overlay at a time. */
export const HalykWidget: Story = {
  play: async ({ canvasElement }) => void (await halykForm(await press(checkoutIn(canvasElement)))),
};

/** Paid on Halyk's form: the element's success view. */
export const Success: Story = {
  play: async ({ canvasElement }) => payThenSee(checkoutIn(canvasElement), {}, '.result.success'),
};

/** Declined by the bank (reason code 484, insufficient funds): ePay's reason in the buyer's language. */
export const DeclineKazakh: Story = {
  args: { lang: 'kk' },
  play: async ({ canvasElement }) => payThenSee(checkoutIn(canvasElement), { name: 'CODE 484' }, '.result.failure'),
};

/** Failure, source validation: an `order-id` ePay cannot take (it wants 6 to 15 digits). */
export const FailureValidation: Story = {
  render: (args, context) => checkoutMeta.render({ ...args, 'order-id': 'A-1' }, context),
  play: async ({ canvasElement }) => modalShows(await press(checkoutIn(canvasElement)), '.result.failure'),
};

/** Failure, source auth: the shop's `auth-url` does not know the order (HTTP 404). */
export const FailureAuth: Story = {
  args: { 'auth-url': 'sandbox/epay/no-such-endpoint' },
  play: async ({ canvasElement }) => modalShows(await press(checkoutIn(canvasElement)), '.result.failure'),
};

async function press(element: KtpayCheckout): Promise<KtpayCheckout> {
  await element.updateComplete;
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="button"]')!.click();
  return element;
}

/** Halyk's form in its overlay's frame, once its card form shows. */
function halykForm(element: KtpayCheckout): Promise<Document> {
  return waitFor(() => {
    const form = element.ownerDocument.querySelector<HTMLIFrameElement>('.widget-overlay iframe')?.contentDocument;
    const card = form?.getElementById('card');
    return card && !card.hidden && form!.readyState === 'complete' && form;
  }, "Halyk's form");
}

async function payThenSee(element: KtpayCheckout, card: EpaySandboxCard, view: string): Promise<void> {
  await payOnEpayForm(await halykForm(await press(element)), card);
  await modalShows(element, view);
}
