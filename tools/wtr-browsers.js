// The browser suite's launchers for the engines tools/engines.js knows and finds installed.
import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import puppeteerCore from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_ARGS, FIREFOX, firefoxPrefs, installedEngines } from './engines.js';
import { webkitLauncher } from './webkit-launcher.js';

/** @type {Record<import('./engines.js').EngineName, (system: import('./engines.js').SystemPreferences) => import('@web/test-runner').BrowserLauncher>} */
const LAUNCHERS = {
  chromium: (system) =>
    playwrightLauncher({
      product: 'chromium',
      createBrowserContext: ({ browser }) => browser.newContext(system),
      launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    }),
  firefox: (system) =>
    chromeLauncher({
      puppeteer: /** @type {any} */ (puppeteerCore),
      launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: firefoxPrefs(system) },
    }),
  webkit: (system) => webkitLauncher(system),
};

/**
 * A launcher for each installed engine asked for, its browser started with `system`'s preferences.
 * @param {import('./engines.js').SystemPreferences} [system]
 * @returns {import('@web/test-runner').BrowserLauncher[]}
 */
export function testBrowsers(system = {}) {
  return installedEngines().map((name) => LAUNCHERS[name](system));
}
