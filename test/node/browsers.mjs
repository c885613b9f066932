// A page in each engine, for the Node tests that drive a browser themselves (the script-tag file
// against the built dist/): Chromium through Playwright, Firefox through puppeteer-core, WebKit
// through webdriverio, each as tools/engines.js starts it. One small interface over the three: go
// to a URL, run a function in the page (awaiting what it returns), close.
import { chromium } from 'playwright';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { CHROMIUM, CHROMIUM_ARGS, FIREFOX, installedEngines } from '../../tools/engines.js';
import { startWebkit } from '../../tools/webkit-launcher.js';

/**
 * @typedef {object} EnginePage
 * @property {(url: string) => Promise<void>} goto
 * @property {<T>(fn: () => T | Promise<T>) => Promise<T>} evaluate   runs `fn` in the page, awaiting what it returns
 * @property {() => Promise<void>} close
 */

/** @type {Record<import('../../tools/engines.js').EngineName, () => Promise<EnginePage>>} */
const OPEN = {
  async chromium() {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    return {
      goto: async (url) => void (await page.goto(url)),
      evaluate: (fn) => page.evaluate(fn),
      close: () => browser.close(),
    };
  },
  async firefox() {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    const page = await browser.newPage();
    return {
      goto: async (url) => void (await page.goto(url)),
      evaluate: (fn) => page.evaluate(fn),
      close: () => browser.close(),
    };
  },
  async webkit() {
    const webkit = await startWebkit();
    try {
      const browser = await remote({ hostname: '127.0.0.1', port: webkit.port, logLevel: 'error', capabilities: webkit.capabilities });
      return {
        goto: (url) => browser.url(url).then(() => undefined),
        // WebDriver's Execute Script awaits a promise the script returns.
        evaluate: (fn) => browser.execute(fn),
        close: async () => {
          await browser.deleteSession().catch(() => {});
          webkit.stop();
        },
      };
    } catch (error) {
      webkit.stop();
      throw error;
    }
  },
};

/** The installed engines (BROWSERS picks; CI=true fails on a missing one), each with a way to open a page. */
export function engines() {
  return installedEngines().map((name) => ({ name, open: OPEN[name] }));
}
