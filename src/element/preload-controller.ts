import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * When the modal's code and the sealer load ahead of Pay: once the button is on screen and the
 * browser idle (`visible`, the default), at the buyer's first sign of intent (`intent`), or at
 * Pay (`none`). The README's Performance section has the figures behind the default.
 */
export type PreloadPolicy = 'visible' | 'intent' | 'none';

/** The buyer asked the browser to save data, or the link is 2G: nothing loads before intent. */
export function savingData(): boolean {
  const connection = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  return !!connection?.saveData || /2g/.test(connection?.effectiveType ?? '');
}

type Idle = (callback: () => void) => unknown;

/**
 * Calls `preload` once, in the browser's idle time after the host first shows on screen. Its
 * observer goes when the host leaves the page, or once it has shown; the policy and the
 * connection are read when it shows, so a framework may set `preload` after connecting.
 */
export class PreloadController implements ReactiveController {
  #observer: IntersectionObserver | undefined;
  #done = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly preload: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#done) return;
    this.#observer = new IntersectionObserver(([entry]) => {
      if (!entry?.isIntersecting) return;
      this.hostDisconnected();
      this.#done = true;
      // Safari has no requestIdleCallback: a timeout lets the page's own work go first.
      ((globalThis as { requestIdleCallback?: Idle }).requestIdleCallback ?? setTimeout)(() => this.host.isConnected && this.preload());
    });
    this.#observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
