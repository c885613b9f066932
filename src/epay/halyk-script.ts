import { FailureError } from '../core/failure.js';
import { deadline } from '../util/deadline.js';
import { isHalykApi, type HalykApi } from './halyk-api.js';

const loads = new Map<string, Promise<HalykApi>>();

/**
 * Halyk's `payment-api.js` from `url`, loaded once per page (a page that already has `window.halyk`
 * from its own tag keeps it). A load that fails is forgotten, so Try again loads it again. Any
 * failure is the network's: the script did not come, or came without Halyk's functions.
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

function inject(url: URL): Promise<HalykApi> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url.href;
    script.async = true;
    script.onload = () => {
      const api = (globalThis as { halyk?: unknown }).halyk;
      if (isHalykApi(api)) resolve(api);
      else reject(new FailureError({ source: 'network', reason: 'bad-answer' }));
    };
    script.onerror = () => {
      script.remove(); // so the next attempt adds a fresh tag
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      reject(new FailureError({ source: 'network', reason: offline ? 'offline' : 'unreachable' }));
    };
    document.head.append(script);
  });
}
