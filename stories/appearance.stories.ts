import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { checkoutMeta, HELD, renderCheckout } from './checkout.js';
import { checkoutIn, modalAtStep, pay, paymentPage } from './play.js';

/** Languages, themes and a phone. */
const meta = {
  ...checkoutMeta,
  title: 'ktpay-checkout/Appearance',
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** The modal held at «creating the transaction» (KTPay's answer held): its words and colours, still. */
const heldModal = {
  args: HELD,
  parameters: { sandbox: { hold: 'api' } },
  play: async ({ canvasElement }) => modalAtStep(await pay(checkoutIn(canvasElement)), 1),
} satisfies Story;

export const LanguageRu: Story = { ...heldModal, args: { ...HELD, lang: 'ru' } };
export const LanguageKk: Story = { ...heldModal, args: { ...HELD, lang: 'kk' } };
export const LanguageEn: Story = { ...heldModal, args: { ...HELD, lang: 'en' } };

/** theme="dark" fixes the dark colours whatever the buyer's system prefers. */
export const Dark: Story = {
  ...heldModal,
  args: { ...HELD, theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

/** The page's own accent, corners and font through custom properties, and the button through ::part. */
export const CustomTheme: Story = {
  args: { '--ktpay-accent': '#6d28d9', '--ktpay-radius': '999px', '--ktpay-font': 'Georgia, serif' },
  render: (args, context) => html`<div class="custom-theme">
    <style>
      .custom-theme ktpay-checkout::part(button) {
        text-transform: uppercase;
        letter-spacing: 0.08em;
        box-shadow: 0 6px 16px rgb(109 40 217 / 0.35);
      }
    </style>
    ${renderCheckout(args, context)}
  </div>`,
};

/** A phone: the modal fills the screen below 540px, with the payment page in it. */
export const Mobile: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  play: async ({ canvasElement }) => void (await paymentPage(await pay(checkoutIn(canvasElement)))),
};
