// The three engines the browser suite runs in, each from a Debian package (nothing downloads a
// browser here):
// - Chromium (`chromium`), through Playwright;
// - Firefox (`firefox-esr`), over WebDriver BiDi through puppeteer-core (Playwright's own Firefox
//   protocol does not work with Debian's build);
// - WebKit (`webkit2gtk-driver`: WebKitGTK's MiniBrowser, Safari's engine), through WebDriver
//   classic against WebKitWebDriver, on an X display of its own (`xvfb`) when there is none.
// An engine that is not installed is skipped with a line saying which package brings it; with
// CI=true a missing engine fails the run. BROWSERS=chromium,firefox picks engines by hand.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import puppeteerCore from 'puppeteer-core';
import { webkitLauncher } from './webkit-launcher.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';

/**
 * What the buyer's system prefers, set as the browser starts (as an operating system sets it): the
 * way to test `prefers-color-scheme` and `prefers-reduced-motion` alike in every engine, where only
 * Chromium's driver can emulate media queries at run time.
 * @typedef {{ colorScheme?: 'light' | 'dark', reducedMotion?: 'reduce' | 'no-preference' }} SystemPreferences
 */

/**
 * @typedef {object} Engine
 * @property {string} name
 * @property {string} needs   what must exist, and the package that brings it
 * @property {() => string | undefined} missing   the first missing file, if any
 * @property {(system: SystemPreferences) => import('@web/test-runner').BrowserLauncher} launcher
 */

/** @type {Engine[]} */
const ENGINES = [
  {
    name: 'chromium',
    needs: `${CHROMIUM} (Debian: chromium, or CHROME_PATH)`,
    missing: () => [CHROMIUM].find((file) => !existsSync(file)),
    launcher: (system) =>
      playwrightLauncher({
        product: 'chromium',
        createBrowserContext: ({ browser }) => browser.newContext(system),
        launchOptions: {
          executablePath: CHROMIUM,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      }),
  },
  {
    name: 'firefox',
    needs: `${FIREFOX} (Debian: firefox-esr, or FIREFOX_PATH)`,
    missing: () => [FIREFOX].find((file) => !existsSync(file)),
    launcher: (system) =>
      chromeLauncher({
        puppeteer: /** @type {any} */ (puppeteerCore),
        launchOptions: {
          browser: 'firefox',
          executablePath: FIREFOX,
          headless: true,
          extraPrefsFirefox: {
            ...(system.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': system.colorScheme === 'dark' ? 0 : 1 } : {}),
            ...(system.reducedMotion ? { 'ui.prefersReducedMotion': system.reducedMotion === 'reduce' ? 1 : 0 } : {}),
          },
        },
      }),
  },
  {
    name: 'webkit',
    needs: `${WEBKIT_DRIVER} and ${MINIBROWSER} (Debian: webkit2gtk-driver)${process.env.DISPLAY ? '' : `, ${XVFB} (Debian: xvfb)`}`,
    missing: () => [WEBKIT_DRIVER, MINIBROWSER, ...(process.env.DISPLAY ? [] : [XVFB])].find((file) => !existsSync(file)),
    launcher: (system) => webkitLauncher({ driver: WEBKIT_DRIVER, miniBrowser: MINIBROWSER, xvfb: XVFB, system }),
  },
];

/** Engines already reported missing: one line each, however many test groups ask. */
const warned = new Set();

/**
 * The launchers of the engines asked for (BROWSERS, default all three) that are installed.
 * @param {SystemPreferences} [system]
 * @returns {import('@web/test-runner').BrowserLauncher[]}
 */
export function testBrowsers(system = {}) {
  const asked = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((name) => !ENGINES.some((engine) => engine.name === name));
  if (unknown.length > 0) throw new Error(`BROWSERS names an unknown engine: ${unknown.join(', ')} (known: chromium, firefox, webkit)`);
  const chosen = ENGINES.filter((engine) => asked.includes(engine.name));
  const missing = chosen.filter((engine) => engine.missing());
  for (const engine of missing.filter((engine) => !warned.has(engine.name))) {
    warned.add(engine.name);
    console.warn(`\n⚠ ${engine.name} skipped: ${engine.missing()} not found. It needs ${engine.needs}.`);
  }
  if (missing.length > 0 && process.env.CI === 'true') {
    throw new Error(`CI=true and ${missing.map((engine) => engine.name).join(', ')} missing: every engine must run in CI (.ci/run installs them).`);
  }
  const present = chosen.filter((engine) => !missing.includes(engine));
  if (present.length === 0) throw new Error('No browser to run the tests in: see the lines above for the packages to install.');
  return present.map((engine) => engine.launcher(system));
}
