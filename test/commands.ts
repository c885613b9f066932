// Real input and focus, the same in Chromium, Firefox and WebKit (tools/wtr-commands.js
// drives each engine its own way): key presses go through the browser's input pipeline, not
// synthetic events, so focus, `repeat` and default actions are the engine's own.
import { executeServerCommand } from '@web/test-runner-commands';

/** Presses a key, or a combination such as `Shift+Tab`. */
export const press = (keys: string) => executeServerCommand('keys', { press: keys });
/** Puts a key down; pressed again before `keyUp`, it is the keyboard's auto-repeat. */
export const keyDown = (key: string) => executeServerCommand('keys', { down: key });
export const keyUp = (key: string) => executeServerCommand('keys', { up: key });
/** Gives the page the focus back after a Tab took it past the page's end, into the browser's UI. */
export const focusPage = () => executeServerCommand('focus-page');
