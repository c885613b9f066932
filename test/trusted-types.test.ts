// A merchant page that enforces Trusted Types (require-trusted-types-for 'script') with Lit's
// policy and the element's own allowed, as the README's CSP table says: the element draws, pays
// and shows the outcome without a single violation, sealing in its worker. A page that allows
// Lit's alone still pays, sealing on its main thread, and is told once why. In an engine without
// Trusted Types the directive is ignored: the payment is still checked, and the test says which.
// With Halyk ePay, Halyk's script loads through the element's policy, which turns into a script
// URL only what the element gave it for that use; without the policy, ePay fails and says why.
import { expect } from '@open-wc/testing';
import { modalMessages } from '../src/i18n/load-messages.js';
import { payOnEpayForm, SANDBOX_EPAY_ATTRIBUTES, SANDBOX_EPAY_SCRIPT_URL } from '../src/sandbox/index.js';
import type * as TrustedTypesModule from '../src/core/trusted-types.js';
import { checkoutIn, epayForm, freshOrderId, loadInto, nextEvent, payOnSandbox, sealedOnMainThread, useNetwork, watchSealingWorkers } from './helpers.js';

type TrustedTypesPage = Window &
  typeof globalThis & { violations: string[]; importModule(url: string): Promise<unknown>; trustedTypes?: { isScriptURL(value: unknown): boolean } };

async function payOn(url: string) {
  const workers = await watchSealingWorkers();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px';
  await loadInto(frame, url);
  const page = frame.contentWindow as TrustedTypesPage;
  const element = await checkoutIn(frame, { 'order-id': freshOrderId(), amount: '990' });
  const success = nextEvent(element, 'ktpay:success');
  void element.open();
  await payOnSandbox(element);
  expect((await success).detail.status).to.equal('completed');
  await element.updateComplete;
  expect(element.shadowRoot!.querySelector('.result.success')).to.not.equal(null);
  return { page, frame, workers };
}

describe('a page that enforces Trusted Types', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('pays with no violation: Lit’s policy and the element’s are all it needs', async () => {
    const { page, frame, workers } = await payOn('/test/fixtures/trusted-types-page.html');
    expect(page.violations).to.deep.equal([]);
    expect(workers, 'the sealing worker started').to.have.length(1);
    expect(sealedOnMainThread(frame), 'libsodium loaded on the main thread').to.equal(false);
    // The element's policy made the worker's URL, and makes no other for the worker.
    const refusal = refusalOf(page, (await trustedTypesModuleOf(page)).trustedScriptUrl);
    expect(refusal('sealing-worker', workers[0]!), "control: the worker's own URL").to.equal('');
    expect(refusal('sealing-worker', `${workers[0]!}?v=2`), 'an exact match only').to.equal('TypeError');
    expect(refusal('sealing-worker', new URL('/evil/seal-worker.js', location.href).href)).to.equal('TypeError');
    expect(refusal('halyk-script', workers[0]!), 'the worker as Halyk\'s script').to.equal('TypeError');

    // Control: the page really enforces it, where the engine has Trusted Types.
    if ('trustedTypes' in page) {
      let refused = '';
      try {
        page.document.body.innerHTML = '<b>x</b>';
      } catch (error) {
        refused = (error as Error).name; // an error of the frame's realm: compared by name
      }
      expect(refused, 'a plain string assigned to innerHTML').to.equal('TypeError');
      // …and the listener hears violations (reported in a task of their own): so [] above meant none.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(page.violations.length).to.be.greaterThan(0);
    } else {
      console.info(`${navigator.userAgent}: no Trusted Types here; the directive is ignored`);
    }
  });

  it('without the element’s policy: still pays, sealing on the main thread, and the report names the policy', async () => {
    const { page, frame, workers } = await payOn('/test/fixtures/trusted-types-page.html?policies=lit-html');
    if (!('trustedTypes' in page)) {
      expect(workers, 'no Trusted Types: the worker starts').to.have.length(1);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // violations are reported in a task of their own
    expect(page.violations).to.have.length(1);
    expect(page.violations[0]).to.contain('trusted-types').and.to.contain('ktpay-checkout');
    expect(workers, 'no worker was asked for').to.deep.equal([]);
    expect(sealedOnMainThread(frame)).to.equal(true);
  });
});

let invoiceCounter = 0;
/** ePay's invoiceId: digits only, 6 to 15; fresh per test. */
const freshInvoiceId = () => `${String(Date.now()).slice(-10)}${String(++invoiceCounter).padStart(2, '0')}`;

/** The merchant page at `url` in a frame, its element set up for the ePay sandbox. */
async function epayOn(url: string) {
  await useNetwork();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px';
  await loadInto(frame, url);
  const page = frame.contentWindow as TrustedTypesPage;
  const element = await checkoutIn(frame, { ...SANDBOX_EPAY_ATTRIBUTES, 'order-id': freshInvoiceId(), amount: '990' });
  return { page, element };
}

/** Pays on Halyk's (the sandbox's) form in `page`, and checks the element says so. */
async function payWithEpay(page: TrustedTypesPage, element: Awaited<ReturnType<typeof epayOn>>['element']) {
  const success = nextEvent(element, 'ktpay:success');
  void element.open();
  await payOnEpayForm(await epayForm(page.document));
  expect((await success).detail).to.include({ status: 'success', provider: 'epay' });
  await element.updateComplete;
  expect(element.shadowRoot!.querySelector('.result.success')).to.not.equal(null);
}

/** The element's own instance of src/core/trusted-types (the URL its page loaded it from). */
async function trustedTypesModuleOf(page: TrustedTypesPage): Promise<typeof TrustedTypesModule> {
  const loaded = page.performance.getEntriesByType('resource').find((entry) => /\/src\/core\/trusted-types\.[jt]s$/.test(new URL(entry.name).pathname));
  expect(loaded, 'the page loaded src/core/trusted-types').to.not.equal(undefined);
  return (await page.importModule(loaded!.name)) as typeof TrustedTypesModule;
}

/**
 * What the policy (`trustedScriptUrl` of the page's own module) does with `url` for `use`: the name
 * of what it threw (an error of the page's realm), or '' where it gave that URL as a script URL.
 */
const refusalOf =
  (page: TrustedTypesPage, trustedScriptUrl: typeof TrustedTypesModule.trustedScriptUrl) => (use: TrustedTypesModule.ScriptUrlUse, url: string) => {
    let trusted: unknown;
    try {
      trusted = trustedScriptUrl(use, new URL(url));
    } catch (error) {
      return (error as Error).name;
    }
    if (page.trustedTypes) expect(page.trustedTypes.isScriptURL(trusted), `${use} ${url}: a TrustedScriptURL`).to.equal(true);
    expect(String(trusted)).to.equal(url);
    return '';
  };

describe('Halyk ePay on a page that enforces Trusted Types', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("pays through Halyk's script, loaded through the element's policy, with no violation", async () => {
    const { page, element } = await epayOn('/test/fixtures/trusted-types-page.html');
    await payWithEpay(page, element);
    expect(page.violations).to.deep.equal([]);
    const script = page.document.querySelector<HTMLScriptElement>('script[src$="/payment-api.js"]');
    expect(script?.src, "Halyk's script, as configured").to.equal(new URL(SANDBOX_EPAY_SCRIPT_URL, location.href).href);
  });

  it('the policy refuses a URL it was not given, and one given for another use', async () => {
    const { page, element } = await epayOn('/test/fixtures/trusted-types-page.html');
    await payWithEpay(page, element);
    const { trustedScriptUrl } = await trustedTypesModuleOf(page);
    const given = new URL(SANDBOX_EPAY_SCRIPT_URL, location.href).href;
    const refusal = refusalOf(page, trustedScriptUrl);
    expect(refusal('halyk-script', given), 'control: the URL it was given, for its use').to.equal('');
    expect(refusal('halyk-script', 'https://evil.example/payform/payment-api.js')).to.equal('TypeError');
    expect(refusal('halyk-script', `${given}?v=2`), 'an exact match only').to.equal('TypeError');
    expect(refusal('halyk-script', given.replace('localhost', '127.0.0.1'))).to.equal('TypeError');
    expect(refusal('sealing-worker', given), "Halyk's script as the sealing worker").to.equal('TypeError');
    expect(page.violations, 'a refusal is an exception, not a violation').to.deep.equal([]);
  });

  it('without the element’s policy: a clear failure, in the buyer’s language, and the report names the policy', async () => {
    const { page, element } = await epayOn('/test/fixtures/trusted-types-page.html?policies=lit-html');
    if (!('trustedTypes' in page)) {
      console.info(`${navigator.userAgent}: no Trusted Types here; the directive is ignored`);
      await payWithEpay(page, element);
      return;
    }
    element.lang = 'en';
    const failed = nextEvent(element, 'ktpay:failed');
    const result = element.open();
    const { detail } = await failed;
    const { ui } = await modalMessages.load('en');
    expect(detail).to.deep.include({ source: 'network', code: null, message: ui.network['trusted-types'].message, hint: ui.network['trusted-types'].hint, provider: 'epay' });
    expect(await result).to.include({ outcome: 'failed', source: 'network' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.result.failure')!.textContent).to.contain(ui.network['trusted-types'].message);
    expect(element.shadowRoot!.querySelector('[part~="retry"]'), 'no Try again: the page would refuse it again').to.equal(null);
    expect(page.document.querySelector('script[src$="/payment-api.js"]'), "Halyk's script never added").to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100)); // violations are reported in a task of their own
    expect(page.violations).to.have.length(1);
    expect(page.violations[0]).to.contain('trusted-types').and.to.contain('ktpay-checkout');
  });
});
