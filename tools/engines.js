// The three browser engines the tests run in, each from a Debian package (nothing downloads a
// browser here), and how each is started. Used by the browser suite (tools/wtr-browsers.js) and by
// the Node tests that drive a browser themselves (test/node/browsers.mjs).
// - Chromium (`chromium`), through Playwright;
// - Firefox (`firefox-esr`), over WebDriver BiDi through puppeteer-core (Playwright's own Firefox
//   protocol does not work with Debian's build);
// - WebKit (`webkit2gtk-driver`: WebKitGTK's MiniBrowser, Safari's engine), through WebDriver
//   classic against WebKitWebDriver, on an X display of its own (`xvfb`) when there is none.
// An engine that is not installed is skipped with a line saying which package brings it; with
// CI=true a missing engine fails the run. BROWSERS=chromium,firefox picks engines by hand.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = '/usr/bin/Xvfb';

/** As root Chromium needs --no-sandbox; the rest keep it off this machine's closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * What the buyer's system prefers, set as the browser starts (as an operating system sets it): the
 * way to test `prefers-color-scheme` and `prefers-reduced-motion` alike in every engine, where only
 * Chromium's driver can emulate media queries at run time.
 * @typedef {{ colorScheme?: 'light' | 'dark', reducedMotion?: 'reduce' | 'no-preference' }} SystemPreferences
 */

/** @param {SystemPreferences} system Firefox's preferences for them. */
export function firefoxPrefs(system = {}) {
  return {
    ...(system.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': system.colorScheme === 'dark' ? 0 : 1 } : {}),
    ...(system.reducedMotion ? { 'ui.prefersReducedMotion': system.reducedMotion === 'reduce' ? 1 : 0 } : {}),
  };
}

/** @typedef {'chromium' | 'firefox' | 'webkit'} EngineName */

/** @type {{ name: EngineName, files: () => string[], needs: string }[]} */
const ENGINES = [
  { name: 'chromium', files: () => [CHROMIUM], needs: 'Debian: chromium (or CHROME_PATH)' },
  { name: 'firefox', files: () => [FIREFOX], needs: 'Debian: firefox-esr (or FIREFOX_PATH)' },
  {
    name: 'webkit',
    files: () => [WEBKIT_DRIVER, MINIBROWSER, ...(process.env.DISPLAY ? [] : [XVFB])],
    needs: `Debian: webkit2gtk-driver${process.env.DISPLAY ? '' : ' and xvfb'}`,
  },
];

/** Engines already reported missing: one line each, however often asked. */
const warned = new Set();

/**
 * The engines asked for (BROWSERS, default all three) that are installed. A missing one is
 * reported once; with CI=true it is an error.
 * @returns {EngineName[]}
 */
export function installedEngines() {
  const asked = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((name) => !ENGINES.some((engine) => engine.name === name));
  if (unknown.length > 0) throw new Error(`BROWSERS names an unknown engine: ${unknown.join(', ')} (known: chromium, firefox, webkit)`);
  const chosen = ENGINES.filter((engine) => asked.includes(engine.name));
  const missing = chosen.filter((engine) => engine.files().some((file) => !existsSync(file)));
  for (const engine of missing.filter((engine) => !warned.has(engine.name))) {
    warned.add(engine.name);
    const absent = engine.files().filter((file) => !existsSync(file));
    console.warn(`\n⚠ ${engine.name} ${process.env.CI === 'true' ? 'missing' : 'skipped'}: ${absent.join(', ')} not found (${engine.needs}).`);
  }
  if (missing.length > 0 && process.env.CI === 'true') {
    throw new Error(`CI=true and ${missing.map((engine) => engine.name).join(', ')} missing: every engine must run in CI (.ci/run installs them).`);
  }
  const present = chosen.filter((engine) => !missing.includes(engine)).map((engine) => engine.name);
  if (present.length === 0) throw new Error('No browser to run the tests in: see the lines above for the packages to install.');
  return present;
}
