// WebKit: WebKitGTK's MiniBrowser driven by WebKitWebDriver over WebDriver classic.
// `startWebkitDisplay` starts what every session shares and stops it when asked (or when the process
// exits): an X display of its own (Xvfb) when $DISPLAY is unset; each session then gets a driver of
// its own on a free port. Without that, a leftover driver or display leaves the next run hanging with
// no word why. `startWebkit` is one driver on its display, for scripts; `webkitLauncher` is the same
// for @web/test-runner, a driver per test file.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { remote } from 'webdriverio';
import { MINIBROWSER, WEBKIT_DRIVER, XVFB } from './engines.js';

/** @param {import('node:child_process').ChildProcess} child */
const stopProcess = (child) => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
};

/**
 * Ends a process started `detached` and everything in its process group (a driver's MiniBrowser
 * and WebKit's web and network processes), at once: nothing of it is kept.
 * @param {import('node:child_process').ChildProcess} child
 */
const stopGroup = (child) => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

/** Every process started here, with its way to stop: stopped even when the runner exits without stopping us. */
const started = new Map();
process.once('exit', () => started.forEach((stop, child) => stop(child)));

/**
 * A process, stopped by `stopGroup` when started `detached` (a process group of its own), else by `stopProcess`.
 * @param {string} command @param {string[]} args @param {import('node:child_process').SpawnOptions} options
 */
function start(command, args, options) {
  const child = spawn(command, args, options);
  started.set(child, options.detached ? stopGroup : stopProcess);
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
 * An X display (when $DISPLAY is unset) and MiniBrowser's capabilities with `system`'s preferences;
 * drivers are started on it one at a time (`startDriver`). `stop` ends the display and every driver.
 * @param {import('./engines.js').SystemPreferences} [system]
 */
export async function startWebkitDisplay(system = {}) {
  const preferences = gtkPreferences(system);
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  const stop = () => {
    children.splice(0).reverse().forEach(stopProcess);
    if (preferences.configHome) rmSync(preferences.configHome, { recursive: true, force: true });
  };
  try {
    // Without a GPU, accelerated compositing draws every frame through Mesa's software GL
    // (llvmpipe threads in each web process): about an eighth of WebKit's CPU in the suite, for
    // nothing a test looks at. WebKitGTK's own switch turns it off.
    const env = { WEBKIT_DISABLE_COMPOSITING_MODE: '1', ...process.env };
    if (preferences.configHome) env.XDG_CONFIG_HOME = preferences.configHome;
    if (!env.DISPLAY) {
      const { display, child } = await startDisplay();
      children.push(child);
      env.DISPLAY = display;
    }
    const capabilities = {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks WebDriver classic only: without this, webdriverio asks for BiDi and
      // the session is refused.
      'wdio:enforceWebDriverClassic': true,
      // The Navigation API is the hostile-input tests' watchdog (test/hostile.ts): on in Safari since
      // 26.2, behind a flag in WebKitGTK 2.50. The element itself never uses it.
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--features=+NavigationAPI', ...preferences.args] },
    };
    /**
     * A driver of its own, listening on a free port, in a process group of its own: `stop` ends it
     * with the MiniBrowser and web processes it started, whatever state they are in.
     */
    const startDriver = async () => {
      const port = await freePort();
      const driver = start(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
      const stopDriver = () => stopGroup(driver);
      try {
        await waitForDriver(port, driver);
      } catch (error) {
        stopDriver();
        throw error;
      }
      return { port, stop: stopDriver };
    };
    return { capabilities, startDriver, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * The driver, listening, and the capabilities of a MiniBrowser session with `system`'s preferences
 * (for scripts that drive one browser themselves).
 * @param {import('./engines.js').SystemPreferences} [system]
 */
export async function startWebkit(system = {}) {
  const webkit = await startWebkitDisplay(system);
  try {
    const driver = await webkit.startDriver();
    return {
      port: driver.port,
      capabilities: webkit.capabilities,
      stop: () => {
        driver.stop();
        webkit.stop();
      },
    };
  } catch (error) {
    webkit.stop();
    throw error;
  }
}


/**
 * How long a new session or its end may take before the driver is taken for hung: some 2 s alone,
 * 5–7 s with the other engines at work. A start and its one retry on a fresh driver fit in the test
 * runner's `browserStartTimeout` (web-test-runner.config.js), or the runner gives up on the whole
 * run first: with both at 30 s, a hung start ended a clean run after 171 s.
 */
export const SESSION_DEADLINE_MS = 15_000;

/** @template T @param {Promise<T>} promise @param {string} what */
function withDeadline(promise, what, ms = SESSION_DEADLINE_MS) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`WebKit: ${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The runner's own manager of one file per session (not exported by the package: found beside its entry). */
const require = createRequire(import.meta.url);
const { SessionManager } = require(join(dirname(require.resolve('@web/test-runner-webdriver')), 'SessionManager.js'));

/**
 * @typedef {{ browser: WebdriverIO.Browser, driver: { port: number, stop: () => void } }} Session
 *   a MiniBrowser session, and the driver of its own that started it
 */

class WebkitLauncher extends WebdriverLauncher {
  /** @param {import('./engines.js').SystemPreferences} system */
  constructor(system) {
    const options = { hostname: '127.0.0.1', port: 0, logLevel: /** @type {const} */ ('error'), capabilities: {}, connectionRetryCount: 0 };
    super(/** @type {any} */ (options));
    this.system = system;
    this.driverOptions = options;
    /** @type {Awaited<ReturnType<typeof startWebkitDisplay>> | undefined} */
    this.webkit = undefined;
    /** @type {{ port: number, stop: () => void } | undefined} */
    this.sessionDriver = undefined;
    /** @type {Promise<Session> | undefined} the next file's session, started while this file runs */
    this.nextSession = undefined;
    this.filesLeft = 0;
  }

  /** @param {any} config @param {string[]} testFiles */
  async initialize(config, testFiles) {
    this.webkit = await startWebkitDisplay(this.system);
    this.driverOptions.capabilities = this.webkit.capabilities;
    this.filesLeft = testFiles.length;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /**
   * A new session on a driver of its own; one that does not start in time is tried once more on a
   * fresh driver.
   * @returns {Promise<Session>}
   */
  async openSession() {
    const webkit = /** @type {NonNullable<typeof this.webkit>} */ (this.webkit);
    for (let attempt = 1; ; attempt += 1) {
      const driver = await webkit.startDriver();
      try {
        const browser = await withDeadline(remote({ ...this.driverOptions, port: driver.port }), 'starting a session');
        // The viewport the other engines' launchers give, 800 × 600 (MiniBrowser's window adds 38 px
        // of its own): its default 1024 × 768 window drew 60 % more pixels each frame, 5 % of WebKit's
        // CPU time in the suite (370 → 351 CPU-seconds).
        await browser.setWindowSize(800, 638);
        return { browser, driver };
      } catch (error) {
        driver.stop();
        if (attempt === 2) throw error;
        process.stderr.write(`${error instanceof Error ? error.message : error}; trying once more on a fresh driver\n`);
      }
    }
  }

  /**
   * Each test file in a browser of its own, started by a driver of its own: the file's end stops
   * both (stopSession). What a web process carries from file to file costs more than a browser:
   * with six files a browser, later files ran up to twice as long in a full run (hostile-messages
   * 38 → 53 s, lifecycle 14 → 27 s); in one session for the whole run, WebKit slowed late in the
   * run until tests timed out; with one driver for every session, a driver that stopped answering
   * failed every file after it. A browser's start (some 2 s alone, 5–7 s with the other engines at
   * work) is off the run's path: the next file's browser starts as this file's tests begin.
   */
  async createDriverManager() {
    if (!this.config) throw new Error('Not initialized');
    const next = this.nextSession;
    this.nextSession = undefined;
    // A session started ahead that failed is tried again now, as one started now would be.
    const { browser, driver } = next ? await next.catch(() => this.openSession()) : await this.openSession();
    this.driver = browser;
    this.sessionDriver = driver;
    this.driverManager = new SessionManager(this.config, browser, false);
    this.setupHeartbeat();
    this.filesLeft -= 1;
    if (this.filesLeft > 0) {
      this.nextSession = this.openSession();
      this.nextSession.catch(() => {}); // its failure is met when the next file takes it
    }
    return this.driverManager;
  }

  /** Ends this session's driver, its MiniBrowser and what they started, without waiting. */
  endSessionDriver() {
    if (this.pendingHeartbeat != null) clearInterval(this.pendingHeartbeat);
    Object.assign(this, { driver: undefined, driverManager: undefined });
    this.sessionDriver?.stop();
    this.sessionDriver = undefined;
  }

  /**
   * The file's end: its browser and driver are killed at once. Its results came over the runner's
   * websocket already; the runner's own end of a file (its page sent to about:blank, then
   * WebDriver's end of the session, MiniBrowser quitting) took some 0.2 s and 0.4 CPU-seconds a
   * file, on WebKit's path.
   * With coverage asked for, the runner's own end collects it first.
   */
  async stopSession(/** @type {string} */ id) {
    try {
      if (this.config?.coverage) return await withDeadline(super.stopSession(id), 'ending a test file');
      this.driverManager?.urlMap.delete(id);
      return { testCoverage: undefined };
    } finally {
      this.endSessionDriver();
    }
  }

  async stop() {
    const next = this.nextSession;
    this.nextSession = undefined;
    await next?.then(({ driver }) => driver.stop(), () => {});
    await withDeadline(super.stop(), 'ending the last session').catch(() => {});
    this.endSessionDriver();
    this.webkit?.stop();
  }
}

/** @param {import('./engines.js').SystemPreferences} system */
export function webkitLauncher(system) {
  return new WebkitLauncher(system);
}
