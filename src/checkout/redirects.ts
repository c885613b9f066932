import { isCallbackUrl } from '../core/callback-urls.js';
import type { CallbackUrls } from '../params/params.js';

export interface Redirect {
  url: URL;
  /** `callback-force-*`: go at once instead of showing the result view. */
  force: boolean;
}

/**
 * Where the merchant wants the buyer after an outcome: a force URL at once, else the plain one
 * from the result view's Continue (success/failed, falling back to back). When the page sent the
 * buyer to one of those URLs, its version is kept (it may carry the page's parameters).
 */
export function redirectFor(outcome: 'success' | 'failed', callbacks: CallbackUrls, received?: URL): Redirect | undefined {
  const force = outcome === 'success' ? callbacks.forceSuccess : callbacks.forceFailed;
  const plain = outcome === 'success' ? callbacks.success : callbacks.failed;
  const pick = (configured: URL) => (received && isCallbackUrl(received, configured) ? received : configured);
  const forced = force ?? callbacks.forceBack;
  if (forced) return { url: pick(forced), force: true };
  const target = plain ?? callbacks.back;
  return target ? { url: pick(target), force: false } : undefined;
}
