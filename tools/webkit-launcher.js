// WebKit: WebKitGTK's MiniBrowser driven by WebKitWebDriver over WebDriver classic. `startWebkit`
// starts what it needs and stops it when asked (or when the process exits): an X display of its own
// (Xvfb) when $DISPLAY is unset, and the driver on a free port. Without that, a leftover driver or
// display leaves the next run hanging with no word why. `webkitLauncher` is the same for
// @web/test-runner.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { MINIBROWSER, WEBKIT_DRIVER, XVFB } from './engines.js';

/** @param {import('node:child_process').ChildProcess} child */
const stopProcess = (child) => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
};

/** Every process started here, stopped even when the runner exits without stopping us. */
const started = new Set();
process.once('exit', () => started.forEach(stopProcess));

/** @param {string} command @param {string[]} args @param {import('node:child_process').SpawnOptions} options */
function start(command, args, options) {
  const child = spawn(command, args, options);
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Xvfb and learns its display number from it (`-displayfd`), so two runs never collide.
 * @returns {Promise<{ display: string, child: import('node:child_process').ChildProcess }>}
 */
function startDisplay() {
  const child = start(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk) => (log += chunk));
  return new Promise((resolve, reject) => {
    let number = '';
    const fd = /** @type {import('node:stream').Readable} */ (child.stdio[3]);
    fd.on('data', (chunk) => {
      number += chunk;
      if (number.includes('\n')) resolve({ display: `:${number.trim()}`, child });
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display:\n${log}`)));
  });
}

/** Polls the driver until it answers /status (it takes a moment to listen). */
async function waitForDriver(/** @type {number} */ port, /** @type {import('node:child_process').ChildProcess} */ child, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) at start`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
}

/**
 * WebKitGTK takes the buyer's preferences from GTK: a dark theme (MiniBrowser's --dark-mode) and
 * animations turned off (gtk-enable-animations, read from the settings.ini of its config home).
 * @param {import('./engines.js').SystemPreferences} system
 */
function gtkPreferences(system) {
  const args = system.colorScheme === 'dark' ? ['--dark-mode'] : [];
  if (system.reducedMotion !== 'reduce') return { args, configHome: undefined };
  const configHome = mkdtempSync(join(tmpdir(), 'ktpay-webkit-'));
  mkdirSync(join(configHome, 'gtk-3.0'));
  writeFileSync(join(configHome, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
  return { args, configHome };
}

/**
 * The driver, listening, and the capabilities of a MiniBrowser session with `system`'s preferences.
 * @param {import('./engines.js').SystemPreferences} [system]
 */
export async function startWebkit(system = {}) {
  const preferences = gtkPreferences(system);
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  const stop = () => {
    children.splice(0).reverse().forEach(stopProcess);
    if (preferences.configHome) rmSync(preferences.configHome, { recursive: true, force: true });
  };
  try {
    const env = { ...process.env };
    if (preferences.configHome) env.XDG_CONFIG_HOME = preferences.configHome;
    if (!env.DISPLAY) {
      const { display, child } = await startDisplay();
      children.push(child);
      env.DISPLAY = display;
    }
    const port = await freePort();
    const driver = start(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(driver);
    await waitForDriver(port, driver);
    const capabilities = {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks WebDriver classic only: without this, webdriverio asks for BiDi and
      // the session is refused.
      'wdio:enforceWebDriverClassic': true,
      // The Navigation API is the hostile-input tests' watchdog (test/hostile.ts): on in Safari since
      // 26.2, behind a flag in WebKitGTK 2.50. The element itself never uses it.
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--features=+NavigationAPI', ...preferences.args] },
    };
    return { port, capabilities, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

class WebkitLauncher extends WebdriverLauncher {
  /** @param {import('./engines.js').SystemPreferences} system */
  constructor(system) {
    // Filled in once the driver listens (initialize); WebdriverLauncher connects on the first session.
    const options = { hostname: '127.0.0.1', port: 0, logLevel: /** @type {const} */ ('error'), capabilities: {} };
    super(/** @type {any} */ (options));
    this.system = system;
    this.driverOptions = options;
    /** @type {(() => void) | undefined} */
    this.stopWebkit = undefined;
  }

  /** @param {any} config @param {string[]} testFiles */
  async initialize(config, testFiles) {
    const { port, capabilities, stop } = await startWebkit(this.system);
    Object.assign(this.driverOptions, { port, capabilities });
    this.stopWebkit = stop;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /**
   * Each test file in a browser of its own: the session ends with the file, and the next file's
   * starts a new MiniBrowser (about a second). In one session for the whole run, WebKit's web
   * process carried every earlier file's pages, workers and caches, and slowed late in the run
   * until tests that take seconds alone ran out of their time.
   * @param {string} id
   */
  async stopSession(id) {
    const result = await super.stopSession(id);
    if (this.pendingHeartbeat != null) clearInterval(this.pendingHeartbeat);
    const driver = this.driver;
    Object.assign(this, { driver: undefined, driverManager: undefined });
    await driver?.deleteSession().catch(() => {});
    return result;
  }

  async stop() {
    await super.stop();
    this.stopWebkit?.();
  }
}

/** @param {import('./engines.js').SystemPreferences} system */
export function webkitLauncher(system) {
  return new WebkitLauncher(system);
}
