// The network of a story: the sandbox's MSW handlers on one worker for the page, plus what the
// story's `parameters.sandbox` asks for. Used by .storybook/preview.ts (a loader, before each
// story) and by test/stories.test.ts, so a story gets the same network in both.
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createSandboxHandlers, SANDBOX_API_URL } from '../src/sandbox/index.js';

/** A request held forever, to keep the modal at one loading step. */
export type Hold =
  /**
   * The sealing worker's script: «sending the parameters». With a page of its own, whose libsodium
   * module is held too, for where no worker can start (stories/pages/fresh/checkout.ts). The
   * worker is this page's worker's to hold: a worker's script is asked of the service worker of
   * the worker's own address, not of the page that starts it.
   */
  | 'sealing'
  /** KTPay's answer: «creating the transaction». */
  | 'api'
  /** The payment page never finishes loading in its frame: «getting the acquirer's parameters». */
  | 'payment-page';

/** `parameters.sandbox`: plain data, so Storybook can show and merge it. */
export interface SandboxParameter {
  /** Milliseconds before each sandbox answer, so the steps can be seen. Default 300. */
  delayMs?: number;
  hold?: Hold;
  /** The API cannot be reached (the fetch fails, as offline or with DNS down). */
  unreachable?: boolean;
}

// Wherever the page is served from (a static build may live under a sub-path).
const API = `*${SANDBOX_API_URL}`;
const forever = async () => {
  await delay('infinite');
};

const HOLDS = {
  sealing: [http.get(/\/seal-worker[^/]*\.[jt]s(\?|$)/, forever)],
  api: [http.post(API, forever)],
  // Not the sandbox page with its script held: once a story has loaded that script, Chromium may
  // take it from its memory cache without asking the worker (a static build's assets are cacheable).
  // So KTPay's answer names a page (as it may, `payment_page`) whose script no story lets load.
  'payment-page': [
    http.post(API, () => {
      const page = new URL('stories/pages/payment-page-loading.html', document.baseURI).href;
      return HttpResponse.json({ error: [], response: { success: true, data: { transaction_hash: 'held', payment_page: page } } });
    }),
    http.get(/\/payment-page-loading[^/]*\.[jt]s$/, forever),
  ],
} satisfies Record<Hold, unknown>;

const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** Starts the worker once per page, then gives it this story's handlers (dropping the last story's). */
export async function useSandbox({ delayMs = 300, hold, unreachable = false }: SandboxParameter = {}): Promise<void> {
  // Beside the page: the site root in Storybook and the test runner, or a static build's sub-path.
  started ??= worker.start({ serviceWorker: { url: 'mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  worker.resetHandlers(
    ...(hold ? HOLDS[hold] : []),
    ...(unreachable ? [http.post(API, () => HttpResponse.error())] : []),
    ...createSandboxHandlers({ delayMs }),
  );
}
