import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { describeError } from '../src/index.js';
import { allMessages } from '../src/i18n/all-messages.js';
import { SANDBOX_API_URL } from '../src/sandbox/index.js';
import type { KtpayCheckout } from '../src/ktpay-checkout.js';
import {
  dialogOf,
  frameOf,
  mountCheckout,
  nextEvent,
  payButton,
  payOnSandbox,
  recordEvents,
  shadow,
  useNetwork,
  waitUntil,
} from './helpers.js';

// The interface in Russian, Kazakh and English, in each state a buyer can see; what the events
// say; and how the language is chosen and changed.

const LANGS = ['ru', 'kk', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Words a native reader expects in each language: written here, not read from the catalogs. */
const EXPECTED: Record<Lang, { pay: string; title: string; success: string; failed: string; completed: string; close: string }> = {
  ru: { pay: 'Оплатить', title: 'Оплата картой', success: 'Оплата прошла успешно', failed: 'Оплата не прошла', completed: 'Завершена', close: 'Закрыть' },
  kk: { pay: 'Төлеу', title: 'Картамен төлеу', success: 'Төлем сәтті өтті', failed: 'Төлем өтпеді', completed: 'Аяқталды', close: 'Жабу' },
  en: { pay: 'Pay', title: 'Pay by card', success: 'Payment successful', failed: 'Payment failed', completed: 'Completed', close: 'Close' },
};

/** Every interface string of a language, flattened (the functions called with a sample value). */
function uiTexts(lang: Lang): Set<string> {
  const texts = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.add(value);
    else if (typeof value === 'function') walk((value as (arg: unknown) => unknown)(42));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(allMessages(lang).ui);
  return texts;
}

/** Russian strings that would betray a missing translation in another language. */
function russianLeaks(lang: Lang): Set<string> {
  const own = uiTexts(lang);
  return new Set([...uiTexts('ru')].filter((text) => !own.has(text)));
}

/** The text a buyer sees in the modal, one entry per text node, plus accessible names. */
function visibleTexts(element: KtpayCheckout): string[] {
  const root = dialogOf(element)!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    if (text) texts.push(text);
  }
  for (const labelled of root.querySelectorAll('[aria-label], [title]')) {
    texts.push(labelled.getAttribute('aria-label') ?? labelled.getAttribute('title')!);
  }
  return texts;
}

/** Checks the modal speaks `lang` only: no Russian leak in kk/en, no Cyrillic at all in en. */
function expectSpeaks(element: KtpayCheckout, lang: Lang): void {
  const texts = visibleTexts(element);
  const leaks = russianLeaks(lang);
  expect(texts.filter((text) => leaks.has(text)), `${lang}: untranslated`).to.deep.equal([]);
  if (lang === 'en') expect(texts.filter((text) => /[а-яё]/i.test(text)), 'en: Cyrillic').to.deep.equal([]);
  if (lang === 'ru') expect(texts.filter((text) => /[әғқңөұүһі]/i.test(text)), 'ru: Kazakh').to.deep.equal([]);
  expect(dialogOf(element)!.lang).to.equal(lang);
}

const API = `*${SANDBOX_API_URL}`;
const serverError = () =>
  http.post(API, () =>
    HttpResponse.json(
      { success: false, data: [], error: { code: 5000105, messages: { error: 'x' }, hint: 'y' } },
      { status: 500 },
    ),
  );

describe('the interface in each language, in each state', () => {
  for (const lang of LANGS) {
    describe(lang, () => {
      const words = EXPECTED[lang];

      it('labels the pay button and the modal', async () => {
        await useNetwork({ delayMs: 300 });
        const element = await mountCheckout({ lang });
        expect(payButton(element).textContent!.trim()).to.equal(words.pay);
        expect(payButton(element).lang).to.equal(lang);
        const opened = nextEvent(element, 'ktpay:open');
        void element.open();
        await opened;
        await element.updateComplete;
        const dialog = dialogOf(element)!;
        const title = shadow(element).getElementById(dialog.getAttribute('aria-labelledby')!)!;
        expect(title.textContent).to.equal(words.title);
        expect(shadow(element).querySelector('.close')!.getAttribute('aria-label')).to.equal(words.close);
        expect(shadow(element).querySelectorAll('.steps li')).to.have.length(4);
        expectSpeaks(element, lang);
        element.close();
      });

      it('titles the payment page and shows the receipt with the status', async () => {
        await useNetwork();
        const element = await mountCheckout({ lang, amount: '1500' });
        const created = nextEvent(element, 'ktpay:created');
        void element.open();
        await created;
        await waitUntil(() => frameOf(element));
        expectSpeaks(element, lang);
        const success = nextEvent(element, 'ktpay:success');
        await payOnSandbox(element);
        await success;
        await element.updateComplete;
        const view = shadow(element).querySelector('.result.success')!;
        expect(view.querySelector('.result-title')!.textContent).to.equal(words.success);
        expect(view.querySelector('.status')!.textContent).to.equal(words.completed);
        expect(view.querySelector('.amount')!.textContent).to.contain('1').and.contain('500').and.contain('₸');
        expectSpeaks(element, lang);
      });

      it('names a declined card in the catalog’s words, with the error type', async () => {
        await useNetwork();
        const element = await mountCheckout({ lang });
        void element.open();
        const failed = nextEvent(element, 'ktpay:failed');
        await payOnSandbox(element, { name: 'CODE 51' });
        const { detail } = await failed;
        expect(detail).to.include({ source: 'acquirer', code: '51' });
        expect(detail.message).to.equal(describeError('51', lang).message);
        expect(detail.hint).to.equal(describeError('51', lang).hint);
        await element.updateComplete;
        const view = shadow(element).querySelector('.result.failure')!;
        expect(view.querySelector('.result-title')!.textContent).to.equal(words.failed);
        expect(view.querySelector('.message')!.textContent).to.equal(describeError('51', lang).message);
        expect(view.querySelector('.error-type')!.textContent).to.equal(allMessages(lang).ui.errorTypes.ERROR_PAYMENT);
        expectSpeaks(element, lang);
      });

      it('explains refused parameters field by field', async () => {
        await useNetwork();
        const element = await mountCheckout({ lang, amount: '-1', email: 'nope' });
        const result = await element.open();
        expect(result.outcome).to.equal('failed');
        if (result.outcome !== 'failed') return;
        expect(result.fields!['amount']).to.deep.equal([allMessages(lang).ui.validation.problems.amount]);
        expect(result.fields!['email']).to.deep.equal([allMessages(lang).ui.validation.problems.email]);
        await element.updateComplete;
        expectSpeaks(element, lang);
      });

      it('offers Try again after a server error, in words of the API catalog', async () => {
        await useNetwork({}, serverError());
        const element = await mountCheckout({ lang });
        const result = await element.open();
        expect(result.outcome === 'failed' && result.message).to.equal(describeError(5000105, lang).message);
        await element.updateComplete;
        expect(shadow(element).querySelector('[part~="retry"]')).to.exist;
        expectSpeaks(element, lang);
      });
    });
  }
});

describe('which language', () => {
  const html = document.documentElement;
  const pageLang = html.lang;
  afterEach(() => (html.lang = pageLang));
  beforeEach(() => useNetwork());

  it('takes the lang attribute, with kz read as kk', async () => {
    const element = await mountCheckout({ lang: 'kz' });
    expect(element.language).to.equal('kk');
    expect(payButton(element).textContent!.trim()).to.equal('Төлеу');
  });

  it('else follows <html lang>, also when the page changes it', async () => {
    html.lang = 'en-GB';
    const element = await mountCheckout();
    expect(element.language).to.equal('en');
    expect(payButton(element).textContent!.trim()).to.equal('Pay');
    html.lang = 'kk-KZ';
    await waitUntil(() => payButton(element).textContent!.trim() === 'Төлеу', 'did not follow <html lang>');
    expect(element.language).to.equal('kk');
  });

  it('else speaks Russian, also for a language it does not know', async () => {
    html.lang = '';
    expect((await mountCheckout()).language).to.equal('ru');
    html.lang = 'de';
    const element = await mountCheckout({ lang: 'fr' });
    expect(element.language).to.equal('ru');
    expect(payButton(element).textContent!.trim()).to.equal('Оплатить');
  });

  it('lets the element’s own lang win over the page’s', async () => {
    html.lang = 'en';
    const element = await mountCheckout({ lang: 'ru' });
    expect(payButton(element).textContent!.trim()).to.equal('Оплатить');
  });

  it('re-renders an open modal in a new language, and later events speak it', async () => {
    const element = await mountCheckout({ lang: 'ru' });
    void element.open();
    const failed = nextEvent(element, 'ktpay:failed');
    await payOnSandbox(element, { name: 'CODE 05' });
    expect((await failed).detail.message).to.equal(describeError('05', 'ru').message);
    await element.updateComplete;
    const message = () => shadow(element).querySelector('.result.failure .message')!.textContent;

    element.setAttribute('lang', 'en');
    await element.updateComplete;
    expect(message()).to.equal(describeError('05', 'en').message);
    expectSpeaks(element, 'en');

    element.lang = 'kk';
    await element.updateComplete;
    expect(message()).to.equal(describeError('05', 'kk').message);
    expectSpeaks(element, 'kk');
    expect(dialogOf(element)!.open).to.equal(true);

    element.removeAttribute('lang');
    html.lang = 'ru';
    await waitUntil(() => message() === describeError('05', 'ru').message);
  });

  // Kazakh writes amounts as Russian does (CLDR kk: «1 234,50 ₸»), also in a browser whose Intl
  // lacks Kazakh data (Chromium falls back to «₸ 1,234.50»).
  it('formats amounts for the language, in tenge', async () => {
    const amounts: Record<string, string> = {};
    for (const lang of LANGS) {
      const element = await mountCheckout({ lang, amount: '1234.5' });
      const success = nextEvent(element, 'ktpay:success');
      void element.open();
      await payOnSandbox(element);
      await success;
      await element.updateComplete;
      amounts[lang] = shadow(element).querySelector('.amount')!.textContent!.replace(/\s/g, ' ');
      element.close();
    }
    expect(amounts).to.deep.equal({ ru: '1 234,50 ₸', kk: '1 234,50 ₸', en: '₸1,234.50' });
  });
});

describe('two elements in two languages on one page', () => {
  beforeEach(() => useNetwork());

  it('each speaks its own, in its view and in its events', async () => {
    const russian = await mountCheckout({ lang: 'ru' });
    const kazakh = await mountCheckout({ lang: 'kk' });
    expect(payButton(russian).textContent!.trim()).to.equal('Оплатить');
    expect(payButton(kazakh).textContent!.trim()).to.equal('Төлеу');

    const kazakhEvents = recordEvents(kazakh);
    void kazakh.open();
    const failed = nextEvent(kazakh, 'ktpay:failed');
    await payOnSandbox(kazakh, { name: 'CODE 14' });
    expect((await failed).detail.message).to.equal(describeError('14', 'kk').message);
    kazakh.close();

    const result = await (async () => {
      const pending = russian.open();
      await payOnSandbox(russian, { name: 'CODE 14' });
      return pending;
    })();
    expect(result.outcome === 'failed' && result.message).to.equal(describeError('14', 'ru').message);
    expect(kazakhEvents.map((event) => event.type)).to.deep.equal(['ktpay:open', 'ktpay:created', 'ktpay:failed', 'ktpay:close']);

    russian.lang = 'en';
    await russian.updateComplete;
    expect(payButton(russian).textContent!.trim()).to.equal('Pay');
    expect(payButton(kazakh).textContent!.trim()).to.equal('Төлеу');
  });
});
