// Component Story Format, ready for Storybook (@storybook/web-components-vite). The stories use
// only lit's html so they type-check before Storybook is set up.
import { html } from 'lit';
import '../src/index.js';
import { SANDBOX_ATTRIBUTES } from '../src/sandbox/index.js';

export default {
  title: 'ktpay-checkout',
  component: 'ktpay-checkout',
};

const sandbox = SANDBOX_ATTRIBUTES;

export const PayButton = {
  render: () => html`<ktpay-checkout order-id="story-1" amount="1500"></ktpay-checkout>`,
};

export const SlottedLabel = {
  render: () => html`<ktpay-checkout order-id="story-2" amount="13500.50">Оплатить 13 500,50 ₸</ktpay-checkout>`,
};

/** Needs the sandbox's MSW worker running (as in the demo). */
export const OnSandbox = {
  render: () =>
    html`<ktpay-checkout
      app-id=${sandbox['app-id']}
      app-key=${sandbox['app-key']}
      api-url=${sandbox['api-url']}
      widget-url=${sandbox['widget-url']}
      order-id="story-3"
      amount="990"
    ></ktpay-checkout>`,
};
