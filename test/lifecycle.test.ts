import { expect } from '@open-wc/testing';
import { http } from 'msw';
import type { KtpayCheckout } from '../src/index.js';
import { defineKtpayCheckout } from '../src/define.js';
import { SANDBOX_API_URL, SANDBOX_ATTRIBUTES } from '../src/sandbox/index.js';
import { dialogOf, freshOrderId, mountCheckout, nextEvent, pageShown, payButton, payOnSandbox, recordEvents, sandboxPage, sent, shadow, useNetwork, waitUntil } from './helpers.js';

/**
 * What the element's own code (src/, not the sandbox) leaves running on the page: window and
 * document listeners, timers, animation frames and mutation observers. Found by wrapping the
 * browser's APIs and reading who called them from the stack.
 */
function traceResources() {
  const live = new Map<object, string>();
  // The project's src/ on this server; not node_modules' own src/ folders, not the sandbox.
  const ourSource = new RegExp(`${location.origin}/src/(?!sandbox/)`);
  const ours = () => {
    const stack = new Error().stack ?? '';
    return ourSource.test(stack);
  };
  const restore: (() => void)[] = [];
  const wrap = <T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = make(original);
    restore.push(() => (target[key] = original));
  };
  // One token per (target, type, listener, capture), as the browser identifies a listener.
  const listenerTokens = new Map<string, object>();
  const functionIds = new Map<unknown, number>();
  const keyOf = (target: EventTarget, type: string, listener: unknown, capture: boolean) => {
    if (!functionIds.has(listener)) functionIds.set(listener, functionIds.size);
    return `${target === window ? 'window' : 'document'} ${type}${capture ? ' (capture)' : ''} #${functionIds.get(listener)}`;
  };
  for (const target of [window, document] as EventTarget[]) {
    wrap(target, 'addEventListener', (original) =>
      function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
        if (listener && ours()) {
          const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
          const key = keyOf(target, type, listener, capture);
          const token = {};
          listenerTokens.set(key, token);
          live.set(token, `listener ${key}`);
          const signal = typeof options === 'object' ? options.signal : undefined;
          signal?.addEventListener('abort', () => live.delete(token));
        }
        return original.call(this, type, listener, options);
      } as EventTarget['addEventListener'],
    );
    wrap(target, 'removeEventListener', (original) =>
      function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
        if (listener) {
          const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
          const token = listenerTokens.get(keyOf(target, type, listener, capture));
          if (token) live.delete(token);
        }
        return original.call(this, type, listener, options);
      } as EventTarget['removeEventListener'],
    );
  }
  const timers = new Map<number, object>();
  wrap(window, 'setTimeout', (original) =>
    ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      if (!ours() || typeof handler !== 'function') return original(handler, ms, ...args);
      const token = {};
      const id = original(
        (...a: unknown[]) => {
          live.delete(token);
          (handler as (...x: unknown[]) => void)(...a);
        },
        ms,
        ...args,
      );
      timers.set(id, token);
      live.set(token, `timeout of ${ms} ms`);
      return id;
    }) as typeof setTimeout,
  );
  wrap(window, 'clearTimeout', (original) =>
    ((id?: number) => {
      const token = id === undefined ? undefined : timers.get(id);
      if (token) live.delete(token);
      return original(id);
    }) as typeof clearTimeout,
  );
  wrap(window, 'setInterval', (original) =>
    ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = original(handler, ms, ...args);
      if (ours()) live.set({ id }, `interval of ${ms} ms`);
      return id;
    }) as typeof setInterval,
  );
  const observers = new WeakMap<MutationObserver, object>();
  wrap(MutationObserver.prototype, 'observe', (original) =>
    function (this: MutationObserver, target: Node, options?: MutationObserverInit) {
      if (ours() && !observers.has(this)) {
        const token = {};
        observers.set(this, token);
        live.set(token, 'mutation observer');
      }
      return original.call(this, target, options);
    },
  );
  wrap(MutationObserver.prototype, 'disconnect', (original) =>
    function (this: MutationObserver) {
      const token = observers.get(this);
      if (token) {
        live.delete(token);
        observers.delete(this);
      }
      return original.call(this);
    },
  );
  return {
    /** What is still running. */
    live: () => [...live.values()],
    restore: () => restore.reverse().forEach((undo) => undo()),
  };
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('lifecycle', () => {
  let trace: ReturnType<typeof traceResources>;
  beforeEach(() => (trace = traceResources()));
  afterEach(() => trace.restore());

  for (const [when, setUp] of [
    ['while the request is in flight', () => useNetwork({}, http.post(`*${SANDBOX_API_URL}`, () => new Promise(() => {})))],
    // The published page sends no sign of life, so the whole-window offer's timer is running.
    ['while the payment page is open', () => useNetwork({ pageProtocol: 'published' })],
  ] as const) {
    it(`removed ${when}: nothing left running, nothing fired, no modal; put back, it pays`, async () => {
      await setUp();
      const element = await mountCheckout();
      const log = recordEvents(element);
      const result = element.open();
      if (when.includes('page')) await pageShown(element);
      else await waitUntil(() => sent.length === 1);
      expect(trace.live().length, 'the attempt has things running').to.be.greaterThan(0);
      const parent = element.parentNode!;
      element.remove();
      // Once the buyer saw the payment page, they may have paid: unknown, not cancelled.
      expect((await result).outcome).to.equal(when.includes('page') ? 'unknown' : 'cancelled');
      await settle();
      expect(trace.live()).to.deep.equal([]);
      expect(log.map((e) => e.type).filter((t) => t !== 'ktpay:open' && t !== 'ktpay:created')).to.deep.equal([]);
      expect(document.documentElement.style.overflow, 'scroll unlocked').to.equal('');
      expect(document.querySelector(':modal')).to.equal(null);

      await useNetwork();
      parent.append(element);
      element.orderId = freshOrderId();
      const paid = element.open();
      await waitUntil(() => dialogOf(element)?.open);
      await payOnSandbox(element);
      expect(await paid).to.include({ outcome: 'success' });
      element.remove();
      await settle();
      expect(trace.live()).to.deep.equal([]);
    });
  }

  it('created with document.createElement and given properties only, it pays', async () => {
    await useNetwork();
    const element = document.createElement('ktpay-checkout');
    element.appId = SANDBOX_ATTRIBUTES['app-id'];
    element.appKey = SANDBOX_ATTRIBUTES['app-key'];
    element.apiUrl = SANDBOX_ATTRIBUTES['api-url'];
    element.widgetUrl = SANDBOX_ATTRIBUTES['widget-url'];
    element.orderId = freshOrderId();
    element.amount = 2500.5; // a number, as a framework binding would pass it
    document.body.append(element);
    const paid = element.open();
    await waitUntil(() => dialogOf(element)?.open);
    await payOnSandbox(element);
    expect(await paid).to.include({ outcome: 'success', orderId: element.orderId });
    element.remove();
  });

  // The markup came before the script: the page has shown the element empty until then, and its
  // first drawing waits a task more, out of the task that ran the script. One a framework creates
  // later is drawn at once, so it never shows a frame without its button.
  it('an element created once defined is drawn before the next task; one upgraded where it stood, in a task after', async () => {
    // What the page has at the start of the next task: every microtask (Lit's update among them) has run.
    const atNextTask = (read: () => unknown) => new Promise((resolve) => setTimeout(() => resolve(read())));
    const drawn = (element: Element) => () => !!element.shadowRoot?.querySelector('button.pay');
    const created = document.createElement('ktpay-checkout');
    document.body.append(created);
    expect(await atNextTask(drawn(created)), 'created once defined').to.equal(true);
    created.remove();

    const tag = `ktpay-checkout-upgraded-${Date.now().toString(36)}`;
    const upgraded = document.createElement(tag) as KtpayCheckout;
    document.body.append(upgraded);
    defineKtpayCheckout(tag);
    expect(await atNextTask(drawn(upgraded)), 'upgraded where it stood').to.equal(false);
    await upgraded.updateComplete;
    expect(payButton(upgraded)).to.be.instanceOf(HTMLButtonElement);
    upgraded.remove();
  });

  it('properties set before the element is defined are kept (a framework rendering first)', async () => {
    await useNetwork();
    const tag = `ktpay-checkout-late-${Date.now().toString(36)}`;
    const element = document.createElement(tag) as KtpayCheckout;
    Object.assign(element, {
      appId: SANDBOX_ATTRIBUTES['app-id'],
      appKey: SANDBOX_ATTRIBUTES['app-key'],
      apiUrl: SANDBOX_ATTRIBUTES['api-url'],
      widgetUrl: SANDBOX_ATTRIBUTES['widget-url'],
      orderId: freshOrderId(),
      amount: '700',
    });
    document.body.append(element);
    defineKtpayCheckout(tag);
    await customElements.whenDefined(tag);
    const created = nextEvent(element, 'ktpay:created');
    void element.open();
    await created;
    expect(sent).to.have.length(1);
    element.remove();
  });

  // Upgraded where it stood, the element draws a task after the script's: a Pay within the
  // script's own task (a page that defines it and pays at once) must still find it whole.
  it("a Pay in the same task as the definition: the upgraded element's language, modal and payment are all there", async () => {
    await useNetwork();
    const tag = `ktpay-checkout-kk-${Date.now().toString(36)}`;
    const element = document.createElement(tag) as KtpayCheckout;
    for (const [name, value] of Object.entries({ ...SANDBOX_ATTRIBUTES, 'order-id': freshOrderId(), amount: '700', lang: 'kk' })) element.setAttribute(name, value);
    document.body.append(element);
    defineKtpayCheckout(tag);
    const created = nextEvent(element, 'ktpay:created');
    const opened = nextEvent(element, 'ktpay:open');
    void element.open();
    await opened;
    const dialog = dialogOf(element)!;
    expect(dialog.open, 'the modal is open').to.equal(true);
    expect(shadow(element).getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Картамен төлеу');
    expect(getComputedStyle(dialog).borderTopStyle, "the modal's styles").to.equal('none');
    expect(getComputedStyle(payButton(element)).backgroundColor, "the button's styles").to.equal('rgb(10, 124, 90)');
    await created;
    expect(sent).to.have.length(1);
    element.remove();
  });

  // The modal's code, once on the page, arrives within microtasks: Pay must still be awaited whole.
  it('after Pay, updateComplete waits for the modal also when its code is already loaded', async () => {
    await useNetwork();
    for (const round of [1, 2, 3]) {
      const element = await mountCheckout({ amount: '-1' });
      payButton(element).click();
      await element.updateComplete;
      expect(dialogOf(element)?.open, `round ${round}`).to.equal(true);
      element.remove();
    }
  });
});
