/**
 * The element's one Trusted Types policy, `ktpay-checkout`, for the two script URLs it loads: the
 * sealing worker's (KTPay) and Halyk's `payment-api.js` (ePay). A page that enforces Trusted Types
 * lists the policy in its `trusted-types` directive. The policy is this module's own, created once
 * per page (a name can be created only once), and it turns into a script URL only a URL this code
 * registered for that very use (`allowScriptUrl`), exactly; anything else throws. So even a bug
 * that handed it an attacker's string would get no script loaded. Where the browser has no Trusted
 * Types the same rule applies, so every engine behaves alike.
 */

/** What a script URL is for: each use accepts only the URLs registered for it. */
export type ScriptUrlUse = 'sealing-worker' | 'halyk-script';

/** The page enforces Trusted Types and does not allow the `ktpay-checkout` policy. */
export class TrustedTypesRefusedError extends Error {
  override name = 'TrustedTypesRefusedError';
  constructor() {
    super('Trusted Types: the ktpay-checkout policy is not allowed');
  }
}

interface ScriptUrlPolicy {
  createScriptURL(url: string, use: ScriptUrlUse): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string, ...uses: unknown[]): string }): ScriptUrlPolicy;
}

const allowed = new Map<ScriptUrlUse, Set<string>>();
/** Undefined until first asked; null where the page's `trusted-types` directive does not allow ours. */
let policy: ScriptUrlPolicy | null | undefined;

/** The policy's rule: `url` exactly as registered for `use`, else a TypeError. */
function accept(url: string, ...uses: unknown[]): string {
  const use = uses[0] as ScriptUrlUse;
  if (allowed.get(use)?.has(url)) return url;
  throw new TypeError(`ktpay-checkout: ${url} is not a script URL given for ${String(use)}`);
}

/** From now on, `url` (exactly) may load as a script for `use`. Called by the code that decided the URL. */
export function allowScriptUrl(use: ScriptUrlUse, url: URL): void {
  let urls = allowed.get(use);
  if (!urls) allowed.set(use, (urls = new Set()));
  urls.add(url.href);
}

/**
 * `url` for a script sink (`script.src`, `new Worker`) for `use`: a TrustedScriptURL made by the
 * policy where the browser has Trusted Types, else the URL's text, typed as the string the sinks
 * also take. Throws `TrustedTypesRefusedError` where the page does not allow the policy (the page
 * gets one violation report, at the first attempt), and a TypeError for a URL not registered for
 * `use`.
 */
export function trustedScriptUrl(use: ScriptUrlUse, url: URL): string {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!trustedTypes) return accept(url.href, use);
  if (policy === undefined) {
    try {
      policy = trustedTypes.createPolicy('ktpay-checkout', { createScriptURL: accept });
    } catch {
      policy = null;
    }
  }
  if (!policy) throw new TrustedTypesRefusedError();
  return policy.createScriptURL(url.href, use) as string;
}
