// What every story file shares: the element drawn from a story's args, the args it starts from,
// and the phone viewport. Type-only Storybook imports, so the test runner can load the stories.
import type { Args, ArgTypes, Meta } from '@storybook/web-components-vite';
import '../src/ktpay-checkout.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import { SANDBOX_API_URL, SANDBOX_ATTRIBUTES, SANDBOX_WIDGET_URL } from '../src/sandbox/index.js';

let orders = 0;
/** A new order per render: the sandbox refuses an order it has seen paid. */
export const freshOrderId = () => `SB-${Date.now().toString(36)}-${++orders}`;

/**
 * The element for `args`: attribute names (`app-id`, `lang`…), custom properties (`--ktpay-*`) and
 * `label`, the slotted text. Events go to Storybook's actions when it passes their argTypes.
 * `doc` is another page's document, for a story that puts the element in an iframe.
 */
export function renderCheckout(args: Args, context?: { argTypes?: ArgTypes }, doc = document): KtpayCheckout {
  const element = doc.createElement('ktpay-checkout');
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    if (name === 'label') element.textContent = String(value);
    else if (name.startsWith('--')) element.style.setProperty(name, String(value));
    else if (/^[a-z]+(-[a-z]+)*$/.test(name)) element.setAttribute(name, value === true ? '' : String(value));
  }
  if (!element.hasAttribute('order-id')) element.setAttribute('order-id', freshOrderId());
  for (const [name, argType] of Object.entries(context?.argTypes ?? {})) {
    const handler: unknown = args[name];
    const event = (argType.action as { name?: string } | undefined)?.name;
    if (event && typeof handler === 'function') element.addEventListener(event, (e) => handler((e as CustomEvent).detail));
  }
  return element;
}

/** The meta every file starts from: the element on the sandbox, in Russian (Storybook's page says `en`). */
export const checkoutMeta = {
  component: 'ktpay-checkout',
  render: (args, context) => renderCheckout(args, context),
  args: {
    ...SANDBOX_ATTRIBUTES,
    // Relative to the page, so a static build served from a sub-path still finds its sandbox.
    'api-url': SANDBOX_API_URL.slice(1),
    'widget-url': SANDBOX_WIDGET_URL.slice(1),
    amount: '1500',
    description: 'Two books',
    lang: 'ru',
  },
  argTypes: {
    lang: { control: 'select', options: ['ru', 'kk', 'en'] },
    label: { control: 'text', description: "The pay button's label (the default slot).", table: { category: 'slots' } },
  },
} satisfies Meta;

/** Seconds a held step may wait before the element gives up: longer than anyone looks at a story. */
export const HELD = { timeout: '3600' };

/** Where the modal must fill the screen (below 540px). Storybook's viewport toolbar lists it. */
export const VIEWPORTS = {
  phone: { name: 'Phone (360 × 740)', styles: { width: '360px', height: '740px' }, type: 'mobile' },
} as const;
