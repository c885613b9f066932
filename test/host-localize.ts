import { expect } from '@open-wc/testing';
import { configureLocalization, LOCALE_STATUS_EVENT, msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement } from 'lit';

// No static import of the element here: the "before" page must configure before it loads.
const helpers = () => import('./helpers.js');

// A merchant page that localizes itself with @lit/localize: it configures the one page-wide
// runtime and switches its locale. The element must neither break it nor follow it. Its templates
// even reuse one of our ids, `ui.pay`, to show the element never reads the page's templates.

const HOST_TEMPLATES: Record<string, Record<string, string>> = {
  es: { greeting: 'Hola', 'ui.pay': 'HOST PAY (es)' },
  kk: { greeting: 'Сәлем', 'ui.pay': 'HOST PAY (kk)' },
};

export type HostLocalization = ReturnType<typeof configureLocalization>;

/** What the merchant's page does: `configureLocalization` once, as the docs say. */
export function configureHostPage(): HostLocalization {
  return configureLocalization({
    sourceLocale: 'en',
    targetLocales: ['es', 'kk'],
    loadLocale: async (locale) => ({ templates: HOST_TEMPLATES[locale]! }),
  });
}

/** A component of the merchant's own, localized the @lit/localize way. */
class HostGreeting extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  protected override render() {
    return html`${msg('Hello', { id: 'greeting' })}`;
  }
}
customElements.define('host-greeting', HostGreeting);

export function hostPageSuite(host: () => HostLocalization): void {
  beforeEach(async () => (await helpers()).useNetwork());
  // The page's usual locale is Spanish, never the source: a widget that read the page-wide `msg`
  // would show the page's `ui.pay` instead of its own words.
  afterEach(() => host().setLocale('es'));

  it('leaves the page’s own localization working', async () => {
    const { mountCheckout } = await helpers();
    const greeting = document.body.appendChild(document.createElement('host-greeting')) as HostGreeting;
    await mountCheckout({ lang: 'kk' });
    await host().setLocale('es');
    await greeting.updateComplete;
    expect(greeting.shadowRoot!.textContent).to.equal('Hola');
    expect(msg('Hello', { id: 'greeting' })).to.equal('Hola');
    await host().setLocale('kk');
    await greeting.updateComplete;
    expect(greeting.shadowRoot!.textContent).to.equal('Сәлем');
    expect(host().getLocale()).to.equal('kk');
    greeting.remove();
  });

  it('keeps the element in its own language, whatever the page’s locale', async () => {
    const { mountCheckout, payButton } = await helpers();
    await host().setLocale('es');
    const kazakh = await mountCheckout({ lang: 'kk' });
    const russian = await mountCheckout();
    expect(payButton(kazakh).textContent!.trim()).to.equal('Төлеу');
    expect(payButton(russian).textContent!.trim()).to.equal('Оплатить');

    const statusEvents: unknown[] = [];
    const onStatus = (event: Event) => statusEvents.push((event as CustomEvent).detail);
    window.addEventListener(LOCALE_STATUS_EVENT, onStatus);
    await host().setLocale('kk');
    window.removeEventListener(LOCALE_STATUS_EVENT, onStatus);
    expect(statusEvents).to.not.be.empty;
    await kazakh.updateComplete;
    await russian.updateComplete;
    expect(payButton(kazakh).textContent!.trim()).to.equal('Төлеу');
    expect(payButton(russian).textContent!.trim()).to.equal('Оплатить');
  });

  it('reports failures in the element’s language, not the page’s', async () => {
    const { mountCheckout, nextEvent, payOnSandbox } = await helpers();
    const { describeError } = await import('../src/i18n/describe-error.js');
    await host().setLocale('kk');
    const element = await mountCheckout({ lang: 'en' });
    void element.open();
    const failed = nextEvent(element, 'ktpay:failed');
    await payOnSandbox(element, { name: 'CODE 51' });
    expect((await failed).detail.message).to.equal(describeError('51', 'en').message);
    expect(element.shadowRoot!.querySelector('.result-title')!.textContent).to.equal('Payment failed');
    element.close();
  });
}
