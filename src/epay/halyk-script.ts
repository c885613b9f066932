import { FailureError, unreachableError } from '../core/failure.js';
import { deadline } from '../util/deadline.js';
import { isHalykApi, type HalykApi } from './halyk-api.js';

const loads = new Map<string, Promise<HalykApi>>();

/**
 * Halyk's `payment-api.js` from `url` (`epay-script-url`, else Halyk's host), loaded once per page
 * (a page that already has `window.halyk` from its own tag keeps it). A load that fails is
 * forgotten, so Try again loads it again. Any failure is the network's: the script did not come,
 * came without Halyk's functions, or the page's Trusted Types do not allow the element's policy
 * (`trusted-types`: said so, with what to add, rather than a violation left unexplained).
 */
export function loadHalykScript(url: URL, timeoutMs: number, signal: AbortSignal): Promise<HalykApi> {
  const present = (globalThis as { halyk?: unknown }).halyk;
  if (isHalykApi(present)) return Promise.resolve(present);
  let load = loads.get(url.href);
  if (!load) {
    load = inject(url);
    loads.set(url.href, load);
    load.catch(() => loads.delete(url.href));
  }
  return deadline(load, timeoutMs, () => new FailureError({ source: 'network', reason: 'timeout' }), signal);
}

async function inject(url: URL): Promise<HalykApi> {
  // The element's Trusted Types policy comes with the chunk that starts its scripts (always
  // imported, never statically: see core/script-starts.ts).
  const scripts = await import('../core/script-starts.js').catch(() => {
    throw unreachableError();
  });
  // The configured URL, exactly, is what the element's policy lets load as Halyk's script.
  scripts.allowScriptUrl('halyk-script', url);
  let src: string;
  try {
    src = scripts.trustedScriptUrl('halyk-script', url);
  } catch (error) {
    if (!(error instanceof scripts.TrustedTypesRefusedError)) throw error;
    throw new FailureError({ source: 'network', reason: 'trusted-types' });
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => {
      const api = (globalThis as { halyk?: unknown }).halyk;
      if (isHalykApi(api)) resolve(api);
      else reject(new FailureError({ source: 'network', reason: 'bad-answer' }));
    };
    script.onerror = () => {
      script.remove(); // so the next attempt adds a fresh tag
      reject(unreachableError());
    };
    document.head.append(script);
  });
}
