// Where the payment page may send the buyer back to: the page names its return URLs (the element's
// own, on the page's address, tell it the outcome), and the shop says on which origins it takes them.
import { parseHttpUrl } from '../params/url.js';
import type { Rule } from './fields.js';

/**
 * The origins return URLs may point at, for one request: `returnOrigins` where the shop set them;
 * otherwise the request's own host, over http and https alike (a TLS proxy in front of the server
 * turns https into http), so nothing is accepted when the request names no host.
 */
export type ReturnOrigins = (host: string | undefined) => ReadonlySet<string>;

/** Reads the `returnOrigins` option; a TypeError for anything but a list of http(s) origins. */
export function returnOriginsOf(returnOrigins: readonly string[] | undefined, name: string): ReturnOrigins {
  if (returnOrigins === undefined) {
    return (host) => new Set(host ? [`http://${host}`, `https://${host}`].map((origin) => parseHttpUrl(origin)?.origin ?? '') : []);
  }
  if (!Array.isArray(returnOrigins)) throw new TypeError(`${name} must be a list of origins, like ["https://shop.kz"]`);
  const origins = new Set(
    returnOrigins.map((origin: unknown) => {
      const url = parseHttpUrl(origin);
      // Only an origin: a path or query here would be a misunderstanding, not a wider rule.
      if (!url || typeof origin !== 'string' || origin.replace(/\/$/, '') !== url.origin) {
        throw new TypeError(`${name} must hold origins only (scheme, host and port, like "https://shop.kz")`);
      }
      return url.origin;
    }),
  );
  return () => origins;
}

/** A field rule: an absolute http(s) URL, without credentials, on one of `origins`. */
export const returnUrl =
  (origins: ReadonlySet<string>): Rule<string> =>
  (value) => {
    if (typeof value !== 'string') return { problem: 'must be a string' };
    const url = parseHttpUrl(value);
    if (!url) return { problem: 'must be an absolute http(s) URL without credentials' };
    if (!origins.has(url.origin)) return { problem: "is not on the shop's origins" };
    return { value: url.href };
  };
