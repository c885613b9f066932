// Renders every story as Storybook would (meta and story args, render, the story's network, play)
// and checks it shows what it says, so no story can rot.
import { expect } from '@open-wc/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { render } from 'lit';
import { describeError } from '../src/i18n/describe-error.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import type { KtpayFailedDetail } from '../src/events.js';
import { buttonWords } from '../src/i18n/button/words.js';
import { modalMessages } from '../src/i18n/load-messages.js';
import type { Lang } from '../src/i18n/messages.js';
import { VIEWPORTS } from '../stories/checkout.js';
import { checkoutIn, currentStep, inShadow } from '../stories/play.js';
import { useSandbox } from '../stories/sandbox-network.js';
import { STORY_FILES } from '../stories/story-files.js';
import { loadInto, waitUntil } from './helpers.js';

type Module = { default: Meta } & Record<string, StoryObj>;
// The files Storybook shows (.storybook/main.ts reads the same list), by their own names.
const modules = await Promise.all(
  STORY_FILES.map(async (file) => ({ file, module: (await import(`../stories/${file}`)) as Module })),
);

interface Shown {
  element: KtpayCheckout;
  args: Record<string, unknown>;
  /** `ktpay:failed` events that reached the canvas. */
  failures: KtpayFailedDetail[];
}

const dialog = (element: KtpayCheckout) => inShadow<HTMLDialogElement>(element, 'dialog')!;
const text = (element: KtpayCheckout, selector: string) => inShadow(element, selector)?.textContent?.trim();
const label = (element: KtpayCheckout) => inShadow(element, 'button[part~="button"]')!.textContent!.trim();

/** At loading step `index`, and still there a moment later: held, not passing through. */
async function atStep({ element }: Shown, index: number) {
  expect(dialog(element).open, 'modal open').to.equal(true);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(currentStep(element)).to.equal(index);
  const { steps } = (await modalMessages.load(element.language)).ui;
  expect(text(element, '[aria-current="step"]')).to.equal([steps.sending, steps.creating, steps.acquirer, steps.opening][index]);
}

function showsPaymentPage({ element }: Shown) {
  const frame = inShadow<HTMLIFrameElement>(element, 'iframe[part~="payment-frame"]')!;
  expect(frame.classList.contains('pending'), 'frame revealed').to.equal(false);
  expect(frame.getBoundingClientRect().height).to.be.greaterThan(200);
  expect(frame.contentDocument!.getElementById('card')!.hidden).to.equal(false);
  expect(inShadow(element, '.steps')).to.equal(null);
}

function failedWith(shown: Shown, source: KtpayFailedDetail['source'], code: string | number | null) {
  expect(shown.failures.map((f) => [f.source, f.code])).to.deep.equal([[source, code]]);
  expect(text(shown.element, '.result.failure .message')).to.equal(shown.failures[0]!.message);
}

async function speaks({ element, args }: Shown, lang: Lang) {
  expect(element.language).to.equal(lang);
  expect(label(element)).to.equal((await buttonWords.load(lang)).pay);
  expect(dialog(element).lang).to.equal(lang);
  expect(text(element, '[part~="title"]')).to.equal((await modalMessages.load(lang)).ui.title);
  expect(args.lang).to.equal(lang);
  await atStep({ element } as Shown, 1);
}

/** The framework set the order as properties (none as attributes) and drew its label; Pay opens the modal. */
async function drawnByFramework({ element, args }: Shown, framework: string) {
  expect(element.amount).to.equal(Number(args.amount));
  expect(element.appId).to.equal(args['app-id']);
  expect(element.orderId).to.match(/^SB-/);
  expect(element.hasAttribute('order-id') || element.hasAttribute('amount'), 'set as attributes').to.equal(false);
  expect(element.textContent!.trim()).to.equal(`Оплатить ${String(args.amount)} ₸ (${framework})`);
  inShadow(element, 'button[part~="button"]')!.click();
  await waitUntil(() => dialog(element)?.open, 'the modal did not open');
  expect(text(element, '[part~="title"]')).to.equal((await modalMessages.load('ru')).ui.title);
}

/** What each story claims to show, by file and export. */
const CLAIMS: Record<string, (shown: Shown) => unknown> = {
  'button.stories.ts:PayButton': async ({ element }) => {
    expect(label(element)).to.equal((await buttonWords.load('ru')).pay);
    expect(dialog(element)).to.equal(null);
  },
  'button.stories.ts:SlottedLabel': ({ element, args }) => {
    const slot = inShadow<HTMLSlotElement>(element, 'slot')!;
    expect(slot.assignedNodes().map((n) => n.textContent).join('')).to.equal(args.label);
    expect(inShadow(element, 'button[part~="button"]')!.getBoundingClientRect().width).to.be.greaterThan(100);
  },
  'loading.stories.ts:SendingParameters': (shown) => atStep(shown, 0),
  'loading.stories.ts:CreatingTransaction': (shown) => atStep(shown, 1),
  'loading.stories.ts:LoadingPaymentPage': async (shown) => {
    await atStep(shown, 2);
    expect(inShadow(shown.element, 'iframe.pending')).to.not.equal(null);
  },
  'payment.stories.ts:SandboxPaymentPage': showsPaymentPage,
  'payment.stories.ts:Success': async ({ element, failures }) => {
    expect(failures).to.deep.equal([]);
    expect(text(element, '.result.success .order')).to.equal(element.orderId);
    expect(text(element, '.result.success .status')).to.equal((await modalMessages.load('ru')).ui.statuses.completed);
  },
  'payment.stories.ts:FailureValidation': (shown) => {
    failedWith(shown, 'validation', null);
    expect([...shown.element.shadowRoot!.querySelectorAll('.fields code')].map((c) => c.textContent)).to.deep.equal(['amount']);
  },
  'payment.stories.ts:FailureNetwork': (shown) => failedWith(shown, 'network', null),
  'payment.stories.ts:FailureApi': (shown) => failedWith(shown, 'api', 4010103),
  'payment.stories.ts:FailureAcquirer': (shown) => failedWith(shown, 'acquirer', '05'),
  'epay.stories.ts:HalykWidget': ({ element, failures }) => {
    expect(failures).to.deep.equal([]);
    const overlays = element.ownerDocument.querySelectorAll('.widget-overlay');
    expect(overlays.length, "Halyk's overlay").to.equal(1);
    expect(inShadow<HTMLDialogElement>(element, 'dialog'), 'the modal stepped aside').to.equal(null);
    expect(overlays[0]!.querySelector('iframe')!.contentDocument!.getElementById('card')!.hidden).to.equal(false);
  },
  'epay.stories.ts:Success': ({ element, failures }) => {
    expect(failures).to.deep.equal([]);
    expect(text(element, '.result.success .order')).to.equal(element.orderId);
    expect(element.ownerDocument.querySelector('.widget-overlay')).to.equal(null);
  },
  'epay.stories.ts:DeclineKazakh': (shown) => {
    failedWith(shown, 'acquirer', '484');
    expect(shown.failures[0]!.message).to.equal(describeError(484, 'kk').message);
    expect(shown.failures[0]!.message).not.to.equal(describeError(484, 'ru').message);
  },
  'epay.stories.ts:FailureValidation': (shown) => {
    failedWith(shown, 'validation', null);
    expect([...shown.element.shadowRoot!.querySelectorAll('.fields code')].map((c) => c.textContent)).to.deep.equal(['order-id']);
  },
  'epay.stories.ts:FailureAuth': (shown) => failedWith(shown, 'auth', null),
  'appearance.stories.ts:LanguageRu': (shown) => speaks(shown, 'ru'),
  'appearance.stories.ts:LanguageKk': (shown) => speaks(shown, 'kk'),
  'appearance.stories.ts:LanguageEn': (shown) => speaks(shown, 'en'),
  'appearance.stories.ts:Dark': async (shown) => {
    await atStep(shown, 1);
    const style = getComputedStyle(dialog(shown.element));
    expect([style.backgroundColor, style.color, style.colorScheme]).to.deep.equal(['rgb(30, 34, 39)', 'rgb(232, 234, 237)', 'dark']);
  },
  'appearance.stories.ts:CustomTheme': ({ element }) => {
    const style = getComputedStyle(inShadow(element, 'button[part~="button"]')!);
    expect(style.backgroundColor).to.equal('rgb(109, 40, 217)');
    expect(style.borderTopLeftRadius).to.equal('999px');
    expect(style.fontFamily).to.contain('Georgia');
    expect(style.textTransform, '::part(button) from the page').to.equal('uppercase');
  },
  'appearance.stories.ts:Mobile': (shown) => {
    showsPaymentPage(shown);
    const screen = shown.element.ownerDocument.defaultView!;
    const box = dialog(shown.element).getBoundingClientRect();
    expect([screen.innerWidth, box.width, box.height]).to.deep.equal([360, screen.innerWidth, screen.innerHeight]);
  },
  'frameworks.stories.ts:React': (shown) => drawnByFramework(shown, 'React'),
  'frameworks.stories.ts:Vue': (shown) => drawnByFramework(shown, 'Vue'),
  'frameworks.stories.ts:Angular': (shown) => drawnByFramework(shown, 'Angular'),
};

const stories = modules.flatMap(({ file, module }) =>
  Object.entries(module)
    .filter(([name]) => name !== 'default')
    .map(([name, story]) => ({ key: `${file}:${name}`, meta: module.default, story })),
);

/**
 * Where a story is shown: a div on this page, or, at a device's size, a page of its own in an
 * iframe of that size, as Storybook's viewport addon sizes its preview frame (no browser window can
 * be made a phone's width in every engine: WebKitGTK's stops at 447 px). `prepare` gets the canvas
 * before the story is drawn; resolves once its play is over.
 */
async function show(key: string, meta: Meta, story: StoryObj, args: Record<string, unknown>, prepare: (canvas: HTMLElement) => void): Promise<HTMLElement> {
  const viewport = VIEWPORTS[(story.globals?.viewport as { value?: string } | undefined)?.value as keyof typeof VIEWPORTS];
  if (!viewport) {
    const canvas = document.body.appendChild(document.createElement('div'));
    prepare(canvas);
    // Storybook passes a whole context; these stories read only args, argTypes and the canvas.
    const context = { args, argTypes: {}, canvasElement: canvas } as never;
    render((story.render ?? meta.render)!(args, context), canvas);
    await (story.play ?? meta.play)?.(context);
    return canvas;
  }
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${viewport.styles.width}; height: ${viewport.styles.height}; border: 0`;
  await loadInto(frame, '/device-page.html');
  type DevicePage = Window & { showStory?: (file: string, name: string, args: Record<string, unknown>, prepare: (canvas: HTMLElement) => void) => Promise<void> };
  const page = frame.contentWindow as DevicePage;
  await waitUntil(() => page.showStory, 'the device page did not start');
  const [file, name] = key.split(':') as [string, string];
  let canvas: HTMLElement | undefined;
  await page.showStory!(file, name, args, (c) => prepare((canvas = c)));
  return canvas!;
}

describe('stories', () => {
  let tested = 0;
  let shown: HTMLElement | undefined;

  afterEach(() => {
    shown?.querySelectorAll('ktpay-checkout').forEach((element) => element.close());
    const frame = shown?.ownerDocument.defaultView?.frameElement;
    (frame ?? shown)?.remove();
    shown = undefined;
  });

  it('has a claim for every story, and none for a story that is gone', () => {
    expect(Object.keys(CLAIMS).sort()).to.deep.equal(stories.map((s) => s.key).sort());
  });

  for (const { key, meta, story } of stories) {
    it(key, async function () {
      // A story on a page of its own (a device's size, a fresh page) loads every module again,
      // unbundled: in WebKit on a loaded machine that alone can take most of the default 30 s.
      this.timeout(60_000);
      const args = { ...meta.args, ...story.args };
      await useSandbox({ ...meta.parameters?.sandbox, ...story.parameters?.sandbox });
      const failures: KtpayFailedDetail[] = [];
      const canvas = (shown = await show(key, meta, story, args, (c) => {
        c.addEventListener('ktpay:failed', (event) => failures.push((event as CustomEvent<KtpayFailedDetail>).detail));
      }));
      const frame = canvas.querySelector('iframe');
      const element = checkoutIn(frame?.contentDocument ?? canvas);
      await element.updateComplete;
      await CLAIMS[key]!({ element, args, failures });
      tested++;
    });
  }

  after(() => expect(tested, 'stories tested').to.equal(stories.length));
});
