// Chromium for @web/test-runner: one tab for the whole run, each test file loaded in it in turn,
// with what a file leaves behind cleared before the next one loads.
//
// The runner's Playwright launcher opens a browser context and a tab per test file and closes both
// at the file's end: a new renderer process, a new service worker registration (the network fake's)
// and a cold HTTP and code cache every time. Measured on two cores, the whole Chromium run
// (`BROWSERS=chromium CI=true npx web-test-runner`): 343 CPU-seconds and 239 s with a tab per file,
// 200 CPU-seconds and 173 s with this one tab.
//
// A file still starts as if in a fresh browser: between files the tab goes to about:blank, and the
// test server's origins (localhost and 127.0.0.1 on its port: tests frame one from the other) lose
// their storage, service workers, caches and cookies, and the browser its HTTP cache; sessionStorage,
// which a tab keeps across its navigations (the element keeps a redirect's return there), is cleared
// in each of the page's frames before it goes.
import { PlaywrightLauncher } from '@web/test-runner-playwright';

/** Origins a test page can load from: the test server's, by either of its local names. */
function serverOrigins(/** @type {string} */ url) {
  const { protocol, port } = new URL(url);
  return ['localhost', '127.0.0.1'].map((host) => `${protocol}//${host}:${port}`);
}

/** sessionStorage is the tab's, kept across its navigations: each frame's origin clears its own, before the tab leaves. */
async function clearSessionStorage(/** @type {import('playwright').Page} */ page) {
  const clearIn = (/** @type {import('playwright').Frame} */ frame) => frame.evaluate(() => sessionStorage.clear()).catch(() => {});
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  // A hung page (a test's endless loop) answers nothing: about:blank, next, ends it.
  const deadline = new Promise((resolve) => (timer = setTimeout(resolve, 1_000)));
  await Promise.race([Promise.all(page.frames().map(clearIn)), deadline]).finally(() => clearTimeout(timer));
}

/**
 * Leaves the tab as a new one: about:blank, and nothing of the last file's origins kept.
 * @param {import('playwright').Page} page @param {string[]} origins
 */
async function clearTab(page, origins) {
  await clearSessionStorage(page);
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.clearBrowserCookies');
    for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  } finally {
    await cdp.detach();
  }
}

class ChromiumLauncher extends PlaywrightLauncher {
  /**
   * @param {import('./engines.js').SystemPreferences} system the context's color scheme and motion
   * @param {import('playwright').LaunchOptions} launchOptions
   */
  constructor(system, launchOptions) {
    super('chromium', launchOptions, ({ browser }) => browser.newContext(system), ({ context }) => context.newPage(), false, undefined);
    /** @type {any} the runner's page for the tab every file runs in */
    this.tab = undefined;
  }

  /** The run's tab (a new one if the last was closed or crashed); a debug browser gets its own, as before. */
  async createNewPage(/** @type {import('playwright').Browser} */ browser) {
    if (browser !== this.browser) return super.createNewPage(browser);
    if (this.tab && !this.tab.playwrightPage.isClosed()) return this.tab;
    const tab = await super.createNewPage(browser);
    /** @type {string[]} */
    let origins = [];
    const runSession = tab.runSession.bind(tab);
    tab.runSession = (/** @type {string} */ url, /** @type {boolean} */ coverage) => {
      origins = serverOrigins(url);
      return runSession(url, coverage);
    };
    // The file's end: as the runner's own (coverage, if asked, then about:blank), the tab kept.
    tab.stopSession = async () => {
      const testCoverage = tab.nativeInstrumentationEnabledOnPage ? await tab.collectTestCoverage(tab.config, tab.testFiles) : undefined;
      await clearTab(tab.playwrightPage, origins);
      return { testCoverage };
    };
    this.tab = tab;
    return tab;
  }
}

/**
 * @param {import('./engines.js').SystemPreferences} system
 * @param {import('playwright').LaunchOptions} launchOptions
 */
export function chromiumLauncher(system, launchOptions) {
  return new ChromiumLauncher(system, launchOptions);
}
