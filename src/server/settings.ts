// Checks of a handler's settings when it is created: an unset environment variable fails at
// start-up with a message that names the option, not on a buyer's request, and never switches a
// check off.
import { parseHttpUrl } from '../params/url.js';

/** A non-empty string, else a TypeError naming `name` (and `hint`, what to pass instead). */
export function requireText(value: unknown, name: string, hint = ''): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new TypeError(`${name} must be a non-empty string.${hint ? ` ${hint}` : ''}`);
}

/** An absolute http(s) URL without credentials, else a TypeError naming `name`. */
export function requireHttpUrl(value: unknown, name: string): URL {
  const url = parseHttpUrl(value);
  if (url) return url;
  throw new TypeError(`${name} must be an absolute http(s) URL without credentials`);
}

/** A function, else a TypeError naming `name`. */
export function requireFunction<F extends (...args: never[]) => unknown>(value: F | undefined, name: string): F {
  if (typeof value === 'function') return value;
  throw new TypeError(`${name} must be a function`);
}
