// The watchdog the hostile-input tests run under: whatever a hostile page or value tries, no
// script of its runs, nothing throws, and this page neither navigates nor changes its address.
import { expect } from '@open-wc/testing';

/** Set by any payload that manages to run script here (a data: document posts "__pwned" instead). */
export const marked = window as Window & { __pwned?: boolean };

/** A few macrotasks: message delivery, the element's handling and a Lit render. */
export const settle = () => new Promise((r) => setTimeout(r, 100));

/** The Navigation API (Chromium, Firefox, Safari 26.2), not yet in TypeScript's DOM lib. */
interface NavigateEventLike extends Event {
  destination: { url: string };
}

/**
 * Arms the marker and collects what must never happen: uncaught errors, unhandled rejections, the
 * element's own "a bug of ours" console.error, and navigations of this page (recorded, then
 * cancelled so that a bug shows as a failed assertion instead of killing the test page).
 */
function watchdog() {
  marked.__pwned = false;
  const problems: string[] = [];
  const navigations: string[] = [];
  const href = location.href;
  const onError = (event: ErrorEvent) => problems.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandledrejection: ${String(event.reason)}`);
  const onMessage = (event: MessageEvent) => {
    if (event.data === '__pwned') marked.__pwned = true;
  };
  const onNavigate = (event: Event) => {
    navigations.push((event as NavigateEventLike).destination.url);
    if (event.cancelable) event.preventDefault();
  };
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  if (!navigation) throw new Error('this browser has no Navigation API, the watchdog of these tests (WebKitGTK: --features=+NavigationAPI)');
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('message', onMessage);
  navigation.addEventListener('navigate', onNavigate);
  return {
    navigations,
    /** Only the navigations listed happened (by default none), no payload ran, nothing threw. */
    assertCalm(expectedNavigations: string[] = []) {
      expect(marked.__pwned, 'a payload ran').to.equal(false);
      expect(problems, 'uncaught errors').to.deep.equal([]);
      expect(navigations, 'navigations').to.deep.equal(expectedNavigations);
      expect(location.href).to.equal(href);
    },
    dispose() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('message', onMessage);
      navigation.removeEventListener('navigate', onNavigate);
      console.error = consoleError;
    },
  };
}

export type Watchdog = ReturnType<typeof watchdog>;

/** `it` with the watchdog around the body; the body returns the navigations it expects (default: none). */
export function hostile(title: string, body: (dog: Watchdog) => Promise<string[] | void>): void {
  it(title, async () => {
    const dog = watchdog();
    try {
      const expected = await body(dog);
      await settle();
      dog.assertCalm(expected ?? []);
    } finally {
      dog.dispose();
    }
  });
}
