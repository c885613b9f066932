import type { CallbackUrls } from '../params/params.js';
import { parseHttpUrl } from '../params/url.js';
import { OWN_CALLBACK_PARAM } from './own-callback-marker.js';

export { OWN_CALLBACK_PARAM };

/** Where the element itself learns the outcome: its own marked URLs on the merchant's page. */
export interface OwnCallbackUrls {
  success: URL;
  failed: URL;
}

/**
 * A provider's page reports an outcome only by sending the buyer to a callback URL (KTPay's page,
 * Halyk's form in the whole window). Where the merchant
 * gave no success/failed URL, the element sends its own: the merchant page's address, marked with
 * the outcome and a per-attempt nonce. It recognises them when the page posts them back and never
 * navigates to them. None on a page that is not http(s) (KTPay would refuse such a URL).
 *
 * The address is the page's origin and path, and of its query only the parameters named in
 * `keep` (`return-params`): KTPay stores these URLs and sends buyers back to them, so a token or a
 * session id in the page's address must not travel there.
 */
export function ownCallbackUrls(pageHref: string, nonce: string, keep: readonly string[] = []): OwnCallbackUrls | undefined {
  const page = parseHttpUrl(pageHref);
  if (!page) return undefined;
  const base = new URL(page.origin + page.pathname);
  for (const [name, value] of page.searchParams) if (keep.includes(name)) base.searchParams.append(name, value);
  const marked = (outcome: 'success' | 'failed') => {
    const url = new URL(base);
    url.searchParams.set(OWN_CALLBACK_PARAM, `${outcome}.${nonce}`);
    return url;
  };
  return { success: marked('success'), failed: marked('failed') };
}

/** What a callback URL says of the outcome when the provider sends the buyer to it. */
type UrlOutcome = 'success' | 'failed' | 'back';
const OUTCOME_OF: Partial<Record<keyof CallbackUrls, UrlOutcome>> = {
  back: 'back',
  success: 'success',
  failed: 'failed',
  forceBack: 'back',
  forceSuccess: 'success',
  forceFailed: 'failed',
};

/** The same address for the provider's redirect: same origin and path, the same query parameters. */
const coincide = (a: URL, b: URL) => callbackMatch(a, b) >= 0 && callbackMatch(b, a) >= 0;

/**
 * The callback URLs as they go to the provider: the merchant's, the element's own where the merchant gave
 * no success or failed URL, and, where URLs of different outcomes coincide (one result page for
 * success and failure, or a success page that is also the way back), each marked with its outcome
 * and the attempt's nonce, so the page's report can be told apart. The merchant's page still gets
 * its own URL, with one parameter more.
 */
export function callbacksToSend(callbacks: CallbackUrls, own: OwnCallbackUrls | undefined, nonce?: string): CallbackUrls {
  const sent: CallbackUrls = { ...callbacks };
  if (own) {
    sent.success ??= own.success;
    sent.failed ??= own.failed;
  }
  if (nonce === undefined) return sent;
  const named = (Object.entries(sent) as [keyof CallbackUrls, URL][]).filter(([name]) => OUTCOME_OF[name]);
  for (const [name, url] of named) {
    const outcome = OUTCOME_OF[name]!;
    if (!named.some(([other, otherUrl]) => OUTCOME_OF[other] !== outcome && coincide(url, otherUrl))) continue;
    const marked = new URL(url);
    marked.searchParams.set(OWN_CALLBACK_PARAM, `${outcome}.${nonce}`);
    sent[name] = marked;
  }
  return sent;
}

/**
 * Whether `received` is the callback URL `expected`: same origin and path, and every query
 * parameter of `expected` present with the same value. Extra parameters are the page's additions
 * (an acquirer code, a hash).
 */
export function isCallbackUrl(received: URL, expected: URL | undefined): boolean {
  return callbackMatch(received, expected) >= 0;
}

/**
 * How specifically `received` matches `expected`: the number of `expected`'s query parameters it
 * carries, or -1 when it is not that URL. A success URL `/result` and a failed URL
 * `/result?status=failed` both match `/result?status=failed`; the more specific one is meant.
 */
export function callbackMatch(received: URL, expected: URL | undefined): number {
  if (!expected || received.origin !== expected.origin || received.pathname !== expected.pathname) return -1;
  let matched = 0;
  for (const [key, value] of expected.searchParams) {
    if (!received.searchParams.getAll(key).includes(value)) return -1;
    matched++;
  }
  return matched;
}

/** The acquirer code a page may append to a failed URL. */
export function acquirerCodeIn(url: URL): string | undefined {
  for (const key of ['code', 'reason_code', 'reasonCode']) {
    const value = url.searchParams.get(key)?.trim();
    if (value) return value;
  }
  return undefined;
}
