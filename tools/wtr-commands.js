// Test-runner commands that work in all three engines, where @web/test-runner-commands leaves
// gaps: Puppeteer (Firefox) has no key combinations such as Shift+Tab, and WebDriver (WebKit)
// cannot hold a key down. The browser side is test/commands.ts. (A phone-sized screen is a frame
// of that size, not a command: WebKitGTK's window cannot be made narrower than 447 px.)
//   'keys'        { press: 'Enter' | 'Shift+Tab' | … } | { down: key } | { up: key }
//   'focus-page'  gives the page back the focus a Tab past its end handed to the browser's own
//                 UI (Firefox then fires no focus events in the page)

/** WebDriver's code points for the keys the tests press (WebDriver spec, "Keyboard actions"). */
const WEBDRIVER_KEYS = {
  Enter: '\uE007',
  Tab: '\uE004',
  Shift: '\uE008',
  Escape: '\uE00C',
  Space: ' ',
  ' ': ' ',
  ArrowDown: '\uE015',
  ArrowUp: '\uE013',
};

/** @param {string} key */
function webdriverKey(key) {
  const code = WEBDRIVER_KEYS[/** @type {keyof typeof WEBDRIVER_KEYS} */ (key)] ?? (key.length === 1 ? key : undefined);
  if (code === undefined) throw new Error(`keys: no WebDriver code for "${key}"`);
  return code;
}

/** 'Shift+Tab' → ['Shift', 'Tab']; a lone '+' stays a key. */
const comboKeys = (/** @type {string} */ combo) => (combo === '+' ? ['+'] : combo.split('+'));

/**
 * @param {any} session
 * @param {{ press?: string, down?: string, up?: string }} payload
 */
async function keys(session, payload) {
  const browser = session.browser;
  if (browser.type === 'playwright' || browser.type === 'puppeteer') {
    const { keyboard } = browser.getPage(session.id);
    if (payload.down) return keyboard.down(payload.down);
    if (payload.up) return keyboard.up(payload.up);
    const combo = comboKeys(payload.press ?? '');
    const modifiers = combo.slice(0, -1);
    for (const key of modifiers) await keyboard.down(key);
    await keyboard.press(combo.at(-1));
    for (const key of modifiers.reverse()) await keyboard.up(key);
    return;
  }
  if (browser.type === 'webdriver') {
    /** @type {{ type: 'keyDown' | 'keyUp', value: string }[]} */
    let actions;
    if (payload.down) actions = [{ type: 'keyDown', value: webdriverKey(payload.down) }];
    else if (payload.up) actions = [{ type: 'keyUp', value: webdriverKey(payload.up) }];
    else {
      const combo = comboKeys(payload.press ?? '').map(webdriverKey);
      actions = [...combo.map((value) => ({ type: /** @type {const} */ ('keyDown'), value })), ...combo.reverse().map((value) => ({ type: /** @type {const} */ ('keyUp'), value }))];
    }
    return browser.driverManager.performActions(session.id, [{ type: 'key', id: 'keyboard', actions }]);
  }
  throw new Error(`keys: not supported for browser type ${browser.type}`);
}

/** @param {any} session */
async function focusPage(session) {
  const browser = session.browser;
  if (browser.type === 'playwright') return browser.getPage(session.id).bringToFront();
  if (browser.type === 'puppeteer') {
    // Firefox: bringing the page to the front alone leaves it unfocused; another tab opened and
    // closed first hands the focus back to it.
    const page = browser.getPage(session.id);
    await (await page.browser().newPage()).close();
    return page.bringToFront();
  }
  if (browser.type === 'webdriver') return browser.driver.switchToWindow(await browser.driver.getWindowHandle());
  throw new Error(`focus-page: not supported for browser type ${browser.type}`);
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function engineCommands() {
  return {
    name: 'engine-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'keys') {
        await keys(session, /** @type {any} */ (payload));
        return true;
      }
      if (command === 'focus-page') {
        await focusPage(session);
        return true;
      }
      return undefined;
    },
  };
}
