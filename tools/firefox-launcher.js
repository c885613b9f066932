// Firefox for @web/test-runner: Puppeteer over WebDriver BiDi, one tab for the run (the runner's own
// way with it), each test file's page loaded and left by Firefox's own navigation command.
//
// The runner's page goes to a test file and, at its end, to about:blank with Puppeteer's `goto`,
// which waits for the load event it tracks itself and for every child frame it knew of to be
// detached. Once in a full run, a file whose tests had all passed ended in "Navigation timeout of
// 30000 ms exceeded": a wait that missed its event (modal-code-late.test.ts, whose last test opens
// and closes the modal). Firefox's `browsingContext.navigate` answers when the page is interactive
// (DOMContentLoaded), by Firefox's count, not Puppeteer's: nothing left to miss. It still reports a
// page that does not load (a refused connection) as an error at once; a page that loads but never
// starts its tests is the runner's `testsStartTimeout`.
import { ChromeLauncher } from '@web/test-runner-chrome';
import puppeteerCore from 'puppeteer-core';

/** BiDi's readiness a navigation waits for: DOMContentLoaded, not the frames' loads. */
const INTERACTIVE = 'interactive';

/** The tab's main frame's BiDi context: Puppeteer's `BidiFrame.browsingContext`. */
const contextOf = (/** @type {import('puppeteer-core').Page} */ page) => /** @type {any} */ (page.mainFrame()).browsingContext;

class FirefoxLauncher extends ChromeLauncher {
  /** @param {import('puppeteer-core').LaunchOptions} launchOptions */
  constructor(launchOptions) {
    super({ ...launchOptions, browser: 'firefox' }, ({ browser }) => browser.defaultBrowserContext(), ({ context }) => context.newPage(), /** @type {any} */ (puppeteerCore), undefined);
  }

  /** The runner's page, loading and leaving each file by Firefox's count (above). */
  async createNewPage(/** @type {any} */ browser, /** @type {any} */ context) {
    const page = await super.createNewPage(browser, context);
    page.runSession = async (/** @type {string} */ url) => {
      await page.puppeteerPage.setViewport({ height: 600, width: 800 });
      await contextOf(page.puppeteerPage).navigate(url, INTERACTIVE);
    };
    // about:blank stops what the file left running (timers, a reload loop). Firefox has no native
    // coverage: with `coverage` on, only what the page instruments itself (window.__coverage__).
    page.stopSession = async () => {
      const testCoverage = page.config.coverage ? await page.collectTestCoverage(page.config, page.testFiles) : undefined;
      await contextOf(page.puppeteerPage).navigate('about:blank', INTERACTIVE);
      return { testCoverage };
    };
    return page;
  }
}

/** @param {import('puppeteer-core').LaunchOptions} launchOptions */
export function firefoxLauncher(launchOptions) {
  return new FirefoxLauncher(launchOptions);
}
