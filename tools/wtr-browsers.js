// The browser suite's launchers for the engines tools/engines.js knows and finds installed.
import { chromiumLauncher } from './chromium-launcher.js';
import { CHROMIUM, CHROMIUM_ARGS, FIREFOX, firefoxPrefs, installedEngines } from './engines.js';
import { firefoxLauncher } from './firefox-launcher.js';
import { webkitLauncher } from './webkit-launcher.js';

/** @type {Record<import('./engines.js').EngineName, (system: import('./engines.js').SystemPreferences) => import('@web/test-runner').BrowserLauncher>} */
const LAUNCHERS = {
  chromium: (system) => chromiumLauncher(system, { executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  // Puppeteer over WebDriver BiDi (tools/firefox-launcher.js). Without `networkEnabled: false`
  // Firefox reports every request of every page to Puppeteer, which no test reads: 18 % of Firefox's
  // CPU time on five of the heaviest files (78 → 64 CPU-seconds).
  firefox: (system) => firefoxLauncher({ networkEnabled: false, executablePath: FIREFOX, headless: true, extraPrefsFirefox: firefoxPrefs(system) }),
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
