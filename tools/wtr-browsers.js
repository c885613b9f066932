// The browser suite's launchers for the engines tools/engines.js knows and finds installed.
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteerCore from 'puppeteer-core';
import { chromiumLauncher } from './chromium-launcher.js';
import { CHROMIUM, CHROMIUM_ARGS, FIREFOX, firefoxPrefs, installedEngines } from './engines.js';
import { webkitLauncher } from './webkit-launcher.js';

/** @type {Record<import('./engines.js').EngineName, (system: import('./engines.js').SystemPreferences) => import('@web/test-runner').BrowserLauncher>} */
const LAUNCHERS = {
  chromium: (system) => chromiumLauncher(system, { executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  // Puppeteer over WebDriver BiDi, one tab for the run (the runner's own way with it). Without
  // `networkEnabled: false` Firefox reports every request of every page to Puppeteer, which no test
  // reads: 18 % of Firefox's CPU time on five of the heaviest files (78 → 64 CPU-seconds).
  firefox: (system) =>
    chromeLauncher({
      puppeteer: /** @type {any} */ (puppeteerCore),
      launchOptions: { browser: 'firefox', networkEnabled: false, executablePath: FIREFOX, headless: true, extraPrefsFirefox: firefoxPrefs(system) },
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
