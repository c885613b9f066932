import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { checkoutMeta } from './checkout.js';

/** The pay button as a page shows it before anyone presses it. */
const meta = {
  ...checkoutMeta,
  title: 'ktpay-checkout/Button',
  tags: ['autodocs'],
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** The localized default label. */
export const PayButton: Story = {};

/** The page's own words in the default slot. */
export const SlottedLabel: Story = {
  args: { amount: '13500.50', label: 'Оплатить 13 500,50 ₸' },
};
